namespace RelationsUsagers.Core.Cases;

/// <summary>
/// The French name of each field every kind shares: one name on the form, in the validator's messages, in the audit
/// journal and in the exports' headers. Each kind has its own list next to its class (and may rename a shared field, as a
/// requisition does for the requester's capacity); <see cref="FieldNames"/> looks a property path up in both.
/// </summary>
public static class CaseFileFieldNames
{
    public const string Reference = "Référence";
    public const string Kind = "Type de dossier";
    public const string ReceivedOn = "Date de réception";
    public const string Channel = "Canal de réception";
    public const string PatientLastName = "Nom du patient";
    public const string PatientFirstName = "Prénom du patient";
    public const string PatientBirthDate = "Date de naissance";
    public const string PatientNumber = "IPP";
    public const string PatientDeathDate = "Date de décès";
    public const string RequesterName = "Nom du demandeur";
    public const string RequesterCapacity = "Lien avec le patient";
    public const string RequesterAddress = "Adresse postale";
    public const string RequesterEmail = "Courriel";
    public const string RequesterPhone = "Téléphone";
    public const string Services = "Services concernés";
    public const string AssignedTo = "Chargé(e) du dossier";
    public const string Status = "Statut";
    public const string Summary = "Résumé de la demande";
    public const string NextDueOn = "Prochaine échéance";
    public const string NextDueCode = "Délai de la prochaine échéance";
    public const string NextDueLabel = "Nom de la prochaine échéance";
    public const string NextDueComputation = "Calcul de la prochaine échéance";
    public const string ClockSuspended = "Délais suspendus";
    public const string WaitingOn = "En attente de";
    public const string WaitingSince = "En attente depuis le";
    public const string ReminderDueOn = "Relance prévue le";
    public const string ClosedOn = "Date de clôture";
    public const string Outcome = "Issue";
    public const string ImportSource = "Origine (import)";
    public const string FormerReference = "Ancienne référence";
    public const string CreatedAtUtc = "Créé le";
    public const string CreatedBy = "Créé par";
    public const string UpdatedAtUtc = "Modifié le";
    public const string UpdatedBy = "Modifié par";

    /// <summary>By property path, as EF Core and the validators name them ("Patient.BirthDate").</summary>
    public static IReadOnlyDictionary<string, string> ByProperty { get; } = new Dictionary<string, string>
    {
        [nameof(CaseFile.Reference)] = Reference,
        [nameof(CaseFile.Kind)] = Kind,
        [nameof(CaseFile.ReceivedOn)] = ReceivedOn,
        [nameof(CaseFile.Channel)] = Channel,
        ["Patient.LastName"] = PatientLastName,
        ["Patient.FirstName"] = PatientFirstName,
        ["Patient.BirthDate"] = PatientBirthDate,
        ["Patient.PatientNumber"] = PatientNumber,
        ["Patient.DeathDate"] = PatientDeathDate,
        ["Requester.Name"] = RequesterName,
        ["Requester.Capacity"] = RequesterCapacity,
        ["Requester.Address"] = RequesterAddress,
        ["Requester.Email"] = RequesterEmail,
        ["Requester.Phone"] = RequesterPhone,
        [nameof(CaseFile.Services)] = Services,
        [nameof(CaseFile.AssignedTo)] = AssignedTo,
        [nameof(CaseFile.Status)] = Status,
        [nameof(CaseFile.Summary)] = Summary,
        [nameof(CaseFile.NextDueOn)] = NextDueOn,
        [nameof(CaseFile.NextDueCode)] = NextDueCode,
        [nameof(CaseFile.NextDueLabel)] = NextDueLabel,
        [nameof(CaseFile.NextDueComputation)] = NextDueComputation,
        [nameof(CaseFile.ClockSuspended)] = ClockSuspended,
        [nameof(CaseFile.WaitingOn)] = WaitingOn,
        [nameof(CaseFile.WaitingSince)] = WaitingSince,
        [nameof(CaseFile.ReminderDueOn)] = ReminderDueOn,
        [nameof(CaseFile.ClosedOn)] = ClosedOn,
        [nameof(CaseFile.Outcome)] = Outcome,
        [nameof(CaseFile.ImportSource)] = ImportSource,
        [nameof(CaseFile.FormerReference)] = FormerReference,
        [nameof(CaseFile.CreatedAtUtc)] = CreatedAtUtc,
        [nameof(CaseFile.CreatedBy)] = CreatedBy,
        [nameof(CaseFile.UpdatedAtUtc)] = UpdatedAtUtc,
        [nameof(CaseFile.UpdatedBy)] = UpdatedBy,
    };
}
