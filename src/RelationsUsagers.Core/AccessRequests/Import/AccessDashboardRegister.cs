using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Imports;
using F = RelationsUsagers.Core.AccessRequests.Import.DashboardField;

namespace RelationsUsagers.Core.AccessRequests.Import;

/// <summary>
/// The office's access dashboard (CSP L.1111-7, R.1111-1; R.1112-80 II 1° c): its columns (<see cref="DashboardFields"/>),
/// how a line reads into an access request and its history, and the duplicate key: patient, receipt date, requester.
/// </summary>
public sealed class AccessDashboardRegister : ImportRegister<F, DashboardEntry>
{
    public static AccessDashboardRegister Instance { get; } = new();

    public const string ClosedOutcome = "Dossier communiqué (repris du tableau de suivi)";
    /// <summary>Why an imported request keeps « plus de cinq ans » without the information's date (R.1111-1 al.4).</summary>
    public const string ImportedAgeReason = "Ancienneté « plus de cinq ans » reprise du tableau de suivi, sans la date des informations.";

    public override string Name => "Tableau de suivi";
    public override string LineNoun => "demande";
    public override CaseKind Kind => CaseKind.AccessRequest;
    public override string EventNote => "Repris du tableau de suivi";
    public override ImportVocabulary<F> Vocabulary => DashboardFields.Vocabulary;
    public override F ReceivedField => F.ReceivedOn;
    public override F LastStepField => F.SentOn;

    public override ImportRow<F, DashboardEntry> Parse(RowReader<F> line)
    {
        var e = new DashboardEntry();

        if (line.Date(F.ReceivedOn, null) is { } received)
            e.ReceivedOn = received;
        else if (line.Cell(F.ReceivedOn).IsEmpty)
            line.Error(F.ReceivedOn, "la cellule est vide ; la date de réception est obligatoire.");
        if (line.PatientName(F.PatientName, F.PatientFirstName) is { } name)
            (e.PatientLastName, e.PatientFirstName) = name;
        line.MaxLength(F.PatientName, e.PatientLastName, 100);
        e.BirthDate = line.Date(F.BirthDate, null);
        e.PatientNumber = line.Text(F.PatientNumber);

        e.RequesterCapacityText = line.Text(F.RequesterCapacity);
        var patient = $"{e.PatientLastName} {e.PatientFirstName}".Trim();
        e.RequesterName = line.Text(F.RequesterName) ?? "";
        if (e.RequesterCapacityText is { } capacity)
            e.RequesterCapacity = DashboardVocabulary.CapacityOf(capacity) ?? line.Invalid(F.RequesterCapacity,
                "n'est pas une qualité de demandeur reconnue (patient, parent, tuteur, curateur, ayant droit, médecin).", RequesterCapacity.Patient);
        else if (e.RequesterName.Length > 0 && ImportKeys.SameName(e.RequesterName) != ImportKeys.SameName(patient))
            line.Error(F.RequesterCapacity, $"la qualité du demandeur est vide alors que le demandeur ({e.RequesterName}) n'est pas le patient.");
        if (e.RequesterName.Length == 0 && e.RequesterCapacity == RequesterCapacity.Patient)
            e.RequesterName = patient;
        else if (e.RequesterName.Length == 0 && !line.Has(F.RequesterName))
            line.Error(F.RequesterName, "nom du demandeur absent : aucune colonne ne le donne (voir l'en-tête).");
        else if (e.RequesterName.Length == 0)
            line.Error(F.RequesterName, $"le nom du demandeur est obligatoire lorsque la qualité est « {e.RequesterCapacityText} ».");
        line.MaxLength(F.RequesterName, e.RequesterName, 200);

        // Services of the hospital's list, directly or through the office's aliases; an unknown one is kept as written and
        // proposed to the officer before the import (ServiceNames).
        (e.Services, e.UnknownServices) = line.Services(F.Services);
        // An empty or unknown channel is « Non renseigné », never a guess; the words typed stay in the remarks.
        string? unknownChannel = null;
        if (line.Text(F.Channel) is { } channel)
        {
            e.Channel = DashboardVocabulary.ChannelOf(channel);
            unknownChannel = e.Channel is null ? channel : null;
        }
        e.Channel ??= Channel.NotStated;
        // CSP R.1111-1: parental authority is over a minor; a « parent » of a patient of age at the receipt is another capacity.
        if (e.RequesterCapacity == RequesterCapacity.ParentalAuthority && e.BirthDate is { } born && e.ReceivedOn != default
            && born.AddYears(18) <= e.ReceivedOn)
            line.Error(F.RequesterCapacity, $"« {e.RequesterCapacityText} » : le patient, né le {born:dd/MM/yyyy}, était majeur à la réception ; "
                + "un parent n'a l'autorité parentale que sur un mineur (ayant droit d'un patient décédé, ou tuteur ?).");

        // R.1111-1 al.4: the age of the information sets the delay; a "délai légal" column says the same in other words.
        if (line.Has(F.OlderThanFiveYears))
            e.OlderThanFiveYears = line.Cell(F.OlderThanFiveYears).YesNo() ?? line.Invalid(F.OlderThanFiveYears, "n'est pas une réponse reconnue (Oui / Non).", false);
        else if (line.Text(F.LegalDelay) is { } delay)
            e.OlderThanFiveYears = TextSearch.Normalize(delay).Contains("mois", StringComparison.Ordinal);

        var start = e.ReceivedOn == default ? (DateOnly?)null : e.ReceivedOn;
        // An open line says where it stands in words where the date will go: « en attente pièce d'identité », « en cours ».
        e.CompletedOn = line.DateOrPending(F.CompletedOn, start, out var pendingProofs);
        e.AwaitingProofs = pendingProofs is not null;
        if (line.Text(F.CommunicationMode) is { } mode)
            e.Mode = DashboardVocabulary.ModeOf(mode) ?? line.Invalid<CommunicationMode?>(F.CommunicationMode,
                "n'est pas un mode de communication reconnu (envoi, LRAR, main propre, sur place, médecin, électronique).", null);
        e.SentOn = line.DateOrPending(F.SentOn, start, out var pendingSending);
        e.RecordedDeliveryNumber = line.Text(F.RecordedDeliveryNumber);
        e.AcknowledgedOn = line.Date(F.AcknowledgedOn, start);
        e.PaidOn = line.Date(F.PaidOn, start);
        e.FeeCents = line.Cell(F.Fees).Cents(out var feeValid);
        if (!feeValid)
            line.Invalid(F.Fees, "n'est pas un montant valide.", 0);
        else if (e.FeeCents < 0)
            line.Invalid(F.Fees, "est négatif : un montant de frais ne peut pas l'être.", 0);
        e.PageCount = line.Cell(F.PageCount).Integer(out var pagesValid);
        if (!pagesValid || e.PageCount < 0)
            line.Invalid(F.PageCount, "n'est pas un nombre de pages valide.", 0);
        e.FormerReference = line.Text(F.FormerReference);
        line.MaxLength(F.FormerReference, e.FormerReference ?? "", 50);
        // Nothing typed is lost: the words read instead of a date stay in the remarks.
        e.Remarks = string.Join(" — ", new[]
        {
            line.Text(F.Remarks),
            pendingProofs is null ? null : $"{Vocabulary.Label(F.CompletedOn)} : « {pendingProofs} »",
            pendingSending is null ? null : $"{Vocabulary.Label(F.SentOn)} : « {pendingSending} »",
            unknownChannel is null ? null : $"{Vocabulary.Label(F.Channel)} : « {unknownChannel} »",
        }.Where(t => t is not null)) is { Length: > 0 } remarks ? remarks : null;

        return line.Result(e, patient, F.ReceivedOn, F.SentOn);
    }

    /// <summary>Said at the header, once: without the requester's name, the lines of heirs, parents and tutors cannot be imported.</summary>
    public override IEnumerable<string> HeaderWarnings(IReadOnlyList<ImportColumn<F>> columns, IReadOnlyList<ImportRow<F, DashboardEntry>> rows) =>
        MissingColumn(columns, rows, F.RequesterName, "le nom du demandeur", "dont le demandeur n'est pas le patient");

    /// <summary>
    /// The request and its timeline (received, proofs complete, copy sent or consultation, AR, payment), so that the legal
    /// clock finds the same facts as for a request followed in the portal. Status: sent → closed (a communicated request of a
    /// hand-kept file needs no more work), complete → complete, otherwise received.
    /// </summary>
    public override CaseFile ToCase(DashboardEntry e, string source)
    {
        var request = new AccessRequest
        {
            ReceivedOn = e.ReceivedOn,
            Channel = e.Channel ?? Channel.NotStated,
            Patient = new Patient { LastName = e.PatientLastName, FirstName = e.PatientFirstName, BirthDate = e.BirthDate, PatientNumber = e.PatientNumber },
            Requester = new Party { Name = e.RequesterName, Capacity = e.RequesterCapacityText },
            RequesterCapacity = e.RequesterCapacity,
            Services = [.. e.Services],
            CompletedOn = e.CompletedOn,
            // A complete request had every proof its requester needs (R.1111-1).
            ProofsReceived = e.CompletedOn is null ? [] : [.. AccessRequestRules.RequiredProofs(e.RequesterCapacity)],
            // R.1111-1 al.4: a hand-kept file gives the age class, not the information's date: the office's reading, with its source.
            InformationAgeOverride = e.OlderThanFiveYears ? true : null,
            InformationAgeOverrideReason = e.OlderThanFiveYears ? ImportedAgeReason : null,
            CommunicationMode = e.Mode,
            DesignatedDoctor = e.Mode == CommunicationMode.ViaDesignatedDoctor && e.RequesterCapacity == RequesterCapacity.DesignatedDoctor
                ? e.RequesterName : null,
            PageCount = e.PageCount,
            ReproductionFeeCents = e.FeeCents,
            PaidOn = e.PaidOn,
            SentOn = e.SentOn,
            RecordedDeliveryNumber = e.RecordedDeliveryNumber,
            DeliveryAcknowledgedOn = e.AcknowledgedOn,
            Remarks = e.Remarks,
            ImportSource = source,
            FormerReference = e.FormerReference,
            // Open lines stay open, where their dates leave them; their deadlines run from the receipt (L.1111-7).
            Status = e.SentOn is not null ? CaseStatus.Closed
                : e.CompletedOn is not null ? CaseStatus.Complete
                : e.AwaitingProofs ? CaseStatus.AwaitingProofs
                : CaseStatus.Received,
        };
        if (e.SentOn is { } sent)
        {
            request.ClosedOn = e.AcknowledgedOn is { } ack && ack > sent ? ack : sent;
            request.Outcome = ClosedOutcome;
        }
        AddEvent(request, CaseEventTypes.Received, e.ReceivedOn);
        // The file does not say when the proofs were asked for: on receipt, the office's usual practice, is the best date known.
        if (request.Status == CaseStatus.AwaitingProofs)
            AddEvent(request, CaseEventTypes.ProofsRequested, e.ReceivedOn);
        AddEvent(request, CaseEventTypes.ProofsComplete, e.CompletedOn);
        AddEvent(request, e.Mode == CommunicationMode.OnSite ? CaseEventTypes.OnSiteConsultation : CaseEventTypes.CopySent, e.SentOn);
        AddEvent(request, CaseEventTypes.DeliveryAcknowledged, e.AcknowledgedOn);
        AddEvent(request, CaseEventTypes.PaymentReceived, e.PaidOn);
        // The closing is a step too: a sent request of a hand-kept file is closed by its import, on the day it ended.
        AddEvent(request, CaseEventTypes.Closed, request.ClosedOn);
        return request;
    }
}
