namespace RelationsUsagers.Core.Requisitions;

/// <summary>The French name of each field of a requisition (see <see cref="Cases.CaseFileFieldNames"/>).</summary>
public static class RequisitionFieldNames
{
    /// <summary>The requester is an authority: its "capacity" is the officer's or magistrate's.</summary>
    public const string RequesterCapacity = "Qualité";
    public const string Authority = "Autorité requérante";
    public const string LegalBasis = "Cadre juridique";
    public const string OfficerName = "Officier ou magistrat requérant";
    public const string OfficerUnit = "Unité / juridiction";
    public const string OfficerContact = "Contact de l'officier";
    public const string MagistrateName = "Magistrat";
    public const string Jurisdiction = "Juridiction";
    public const string ProcedureNumber = "N° de procédure";
    public const string DueOn = "Date limite de réponse";
    public const string InitialDueOn = "Date limite initiale";
    public const string Items = "Éléments demandés";
    public const string ItemDescription = "Élément demandé";
    public const string ItemNature = "Nature de l'élément";
    public const string ItemSecrecy = "Décision (secret médical)";
    public const string ItemSent = "Transmis";
    public const string ItemReviewedBy = "Décision prise par";
    public const string ItemReviewedOn = "Date de la décision";
    public const string ItemSecrecyReason = "Motif de la décision";
    public const string SecrecyReviewBy = "Examen du secret médical par";
    public const string SecrecyReviewOn = "Date de l'examen du secret médical";
    public const string Response = "Réponse";
    public const string ResponseSentOn = "Date de réponse";
    public const string SeizureOn = "Date de saisie";
    public const string SeizurePlannedOn = "Date prévue de la saisie";
    public const string SeizurePlace = "Lieu de la saisie";
    public const string SeizureMagistrate = "Magistrat présent à la saisie";
    public const string SeizureJurisdiction = "Juridiction du magistrat présent";
    public const string SeizureOfficer = "OPJ présent à la saisie";
    public const string OrdreRepresentative = "Représentant de l'Ordre des médecins";
    public const string HeadOfDepartmentPresent = "Chef de service présent";
    public const string ServicesTold = "Services prévenus";
    public const string ServiceToldService = "Service prévenu";
    public const string ServiceToldPerson = "Personne prévenue";
    public const string ServiceToldOn = "Date de l'information du service";
    public const string SeizedItems = "Pièces saisies";
    public const string SealNumbers = "N° de scellés";
    public const string SeizureCopyKept = "Copie conservée pour la continuité des soins";
    public const string SeizureMinutesReceived = "Procès-verbal de saisie reçu";

    // The register's columns drawn from several fields (Exports/RequisitionRegister.cs).
    /// <summary>Each medical item reviewed: its decision, who took it, when, why (CPP 60-1 al.2, 56-3).</summary>
    public const string RegisterItemsReviewed = "Éléments examinés";
    /// <summary>The items sent, refused (secrecy) and left to a seizure.</summary>
    public const string RegisterItemsOutcome = "Éléments transmis / refusés";
    public const string RegisterSeizureOn = "Saisie (date)";
    /// <summary>The seal numbers with the items seized under them.</summary>
    public const string RegisterSeals = "Scellés";

    public static IReadOnlyDictionary<string, string> ByProperty { get; } = new Dictionary<string, string>
    {
        ["Requester.Capacity"] = RequesterCapacity,
        [nameof(Requisition.Authority)] = Authority,
        [nameof(Requisition.LegalBasis)] = LegalBasis,
        [nameof(Requisition.OfficerName)] = OfficerName,
        [nameof(Requisition.OfficerUnit)] = OfficerUnit,
        [nameof(Requisition.OfficerContact)] = OfficerContact,
        [nameof(Requisition.MagistrateName)] = MagistrateName,
        [nameof(Requisition.Jurisdiction)] = Jurisdiction,
        [nameof(Requisition.ProcedureNumber)] = ProcedureNumber,
        [nameof(Requisition.DueOn)] = DueOn,
        [nameof(Requisition.InitialDueOn)] = InitialDueOn,
        [nameof(Requisition.Items)] = Items,
        ["Items.Description"] = ItemDescription,
        ["Items.Nature"] = ItemNature,
        ["Items.Secrecy"] = ItemSecrecy,
        ["Items.Sent"] = ItemSent,
        ["Items.ReviewedBy"] = ItemReviewedBy,
        ["Items.ReviewedOn"] = ItemReviewedOn,
        ["Items.SecrecyReason"] = ItemSecrecyReason,
        [nameof(Requisition.SecrecyReviewBy)] = SecrecyReviewBy,
        [nameof(Requisition.SecrecyReviewOn)] = SecrecyReviewOn,
        [nameof(Requisition.Response)] = Response,
        [nameof(Requisition.ResponseSentOn)] = ResponseSentOn,
        [nameof(Requisition.SeizureOn)] = SeizureOn,
        [nameof(Requisition.SeizurePlannedOn)] = SeizurePlannedOn,
        [nameof(Requisition.SeizurePlace)] = SeizurePlace,
        [nameof(Requisition.SeizureMagistrate)] = SeizureMagistrate,
        [nameof(Requisition.SeizureJurisdiction)] = SeizureJurisdiction,
        [nameof(Requisition.SeizureOfficer)] = SeizureOfficer,
        [nameof(Requisition.OrdreRepresentative)] = OrdreRepresentative,
        [nameof(Requisition.HeadOfDepartmentPresent)] = HeadOfDepartmentPresent,
        [nameof(Requisition.ServicesTold)] = ServicesTold,
        ["ServicesTold.Service"] = ServiceToldService,
        ["ServicesTold.Person"] = ServiceToldPerson,
        ["ServicesTold.ToldOn"] = ServiceToldOn,
        [nameof(Requisition.SeizedItems)] = SeizedItems,
        [nameof(Requisition.SealNumbers)] = SealNumbers,
        [nameof(Requisition.SeizureCopyKept)] = SeizureCopyKept,
        [nameof(Requisition.SeizureMinutesReceived)] = SeizureMinutesReceived,
    };

    /// <summary>The French label of a value of one of this kind's lists, or null if it is not one.</summary>
    public static string? ValueLabel(object value) => value switch
    {
        RequisitionAuthority v => v.Label(),
        RequisitionLegalBasis v => v.Label(),
        RequisitionItemNature v => v.Label(),
        SecrecyDecision v => v.Label(),
        RequisitionResponse v => v.Label(),
        _ => null,
    };
}
