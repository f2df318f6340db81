using System.Globalization;
using System.Reflection;
using RelationsUsagers.Core.AccessRequests;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Claims;
using RelationsUsagers.Core.Complaints;
using RelationsUsagers.Core.Requisitions;
using static RelationsUsagers.Core.Data.DemoSeed.DemoVocabulary;

namespace RelationsUsagers.Core.Data.DemoSeed;

/// <summary>Cases generated in memory, sorted by receipt, and the last sequence number used per kind and year.</summary>
internal sealed record DemoBatch(IReadOnlyList<CaseFile> Cases, IReadOnlyDictionary<(CaseKind Kind, int Year), int> LastValues);

/// <summary>
/// Builds realistic demo cases in memory, deterministically (one <see cref="Random"/> seeded with <see cref="Seed"/>):
/// the same count and the same "now" give the same cases.
/// Each case walks its kind's steps (<see cref="CaseKindDefinition.Steps"/>) from "received" to its target status, recording
/// the timeline events and the fact columns of each step; its status is then replayed from those events
/// (<see cref="CaseSteps.Replay"/>), so no demo case holds a status its facts contradict. It is built from a provisional receipt date, then moved as a whole
/// so that it fits between the start of the window and today: closed cases anywhere in the window, open cases recent,
/// with about a quarter of them left lying long enough to be overdue.
/// </summary>
internal sealed class DemoCaseGenerator
{
    public const int Seed = 2026;
    public const string DemoUser = "demo";
    /// <summary>About 14 months of history.</summary>
    public const int WindowDays = 425;
    public const string OfficerUser = "officer";
    public const string ManagerUser = "manager";

    private static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");

    private static readonly (CaseKind Kind, int Weight)[] KindWeights =
        [(CaseKind.AccessRequest, 40), (CaseKind.Complaint, 35), (CaseKind.IndemnityClaim, 15), (CaseKind.Requisition, 10)];

    /// <summary>How often each status is seen in a live register: most cases are closed, the rest spread along the workflow.</summary>
    private static readonly Dictionary<CaseKind, Dictionary<CaseStatus, int>> StatusWeights = new()
    {
        [CaseKind.AccessRequest] = new()
        {
            [CaseStatus.Received] = 4, [CaseStatus.AwaitingProofs] = 6, [CaseStatus.Complete] = 3, [CaseStatus.AwaitingPayment] = 3,
            [CaseStatus.Sent] = 8, [CaseStatus.Refused] = 3, [CaseStatus.Abandoned] = 5, [CaseStatus.Closed] = 68,
        },
        [CaseKind.Complaint] = new()
        {
            [CaseStatus.Received] = 3, [CaseStatus.Acknowledged] = 5, [CaseStatus.UnderInvestigation] = 8, [CaseStatus.InMediation] = 4,
            [CaseStatus.AwaitingCdu] = 3, [CaseStatus.Answered] = 10, [CaseStatus.Abandoned] = 3, [CaseStatus.Closed] = 64,
        },
        // Claims last for years (expertise, CCI, court): half of them are still open.
        [CaseKind.IndemnityClaim] = new()
        {
            [CaseStatus.Received] = 4, [CaseStatus.DeclaredToInsurer] = 10, [CaseStatus.UnderInvestigation] = 10, [CaseStatus.Answered] = 8,
            [CaseStatus.CciProcedure] = 12, [CaseStatus.Litigation] = 8, [CaseStatus.Abandoned] = 5, [CaseStatus.Closed] = 43,
        },
        [CaseKind.Requisition] = new()
        {
            [CaseStatus.Received] = 5, [CaseStatus.SecrecyReview] = 7, [CaseStatus.Answered] = 10, [CaseStatus.Refused] = 5,
            [CaseStatus.Closed] = 73,
        },
    };

    private static readonly Dictionary<Type, PropertyInfo[]> DateProperties = [];

    private readonly Random _rng = new(Seed);
    private readonly DateTimeOffset _now;
    private readonly DateOnly _today;
    private readonly DateOnly _windowStart;
    private readonly Dictionary<DateOnly, TimeSpan> _parisOffsets = [];
    private readonly HashSet<CaseKind> _lateShown = [];
    /// <summary>Whether a new complaint about care already waits for its information interview (L.1142-4).</summary>
    private bool _damageInterviewPending;

    // The case being built: its timeline and the date reached so far.
    private DateOnly _cursor;
    private List<CaseEvent> _events = [];

    public DemoCaseGenerator(DateTimeOffset now)
    {
        _now = now;
        _today = ParisCalendar.Today(new FixedClock(now));
        _windowStart = _today.AddDays(-WindowDays);
    }

    public DateOnly Today => _today;

    /// <param name="count">Number of cases.</param>
    /// <param name="lastValues">Sequence numbers already handed out per kind and year: the demo references follow them.</param>
    public DemoBatch Generate(int count, IReadOnlyDictionary<(CaseKind Kind, int Year), int>? lastValues = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var plan = Plan(count);
        var cases = new List<CaseFile>(count);
        foreach (var (kind, status) in plan)
            cases.Add(Build(kind, status));

        // References are handed out in the order the cases arrived, as the office would have done.
        var ordered = cases.OrderBy(c => c.ReceivedOn).ThenBy(c => c.CreatedAtUtc).ToList();
        var counters = lastValues is null ? [] : new Dictionary<(CaseKind Kind, int Year), int>(lastValues);
        foreach (var file in ordered)
        {
            var key = (file.Kind, file.ReceivedOn.Year);
            var next = counters.GetValueOrDefault(key) + 1;
            counters[key] = next;
            file.Reference = ReferenceAllocator.Format(file.Kind, file.ReceivedOn.Year, next);
            file.Id = NewId(file.CreatedAtUtc);
            file.ConcurrencyStamp = NewRandomGuid();
            foreach (var e in file.Events)
            {
                e.Id = NewId(e.RecordedAtUtc);
                e.CaseFileId = file.Id;
            }
        }
        // Last, and drawing nothing from _rng: the requisitions' reviews, seizures, hearings and the insurer's legal cell.
        Requisitions.RequisitionDemoData.Complete(ordered, _today, _now);
        return new DemoBatch(ordered, counters);
    }

    /// <summary>Kinds and statuses: every status of every kind once (when there is room), then drawn by weight.</summary>
    private List<(CaseKind Kind, CaseStatus Status)> Plan(int count)
    {
        var plan = new List<(CaseKind, CaseStatus)>(count);
        var all = KindWeights.SelectMany(k => CaseKinds.Of(k.Kind).Statuses.Select(s => (k.Kind, s))).ToList();
        if (count >= all.Count)
            plan.AddRange(all);
        while (plan.Count < count)
        {
            var kind = Pick(KindWeights);
            plan.Add((kind, Pick(StatusDraws[kind])));
        }
        return plan;
    }

    private CaseFile Build(CaseKind kind, CaseStatus status)
    {
        _cursor = _windowStart;
        _events = [];
        CaseFile file = kind switch
        {
            CaseKind.AccessRequest => BuildAccessRequest(status),
            CaseKind.Complaint => BuildComplaint(status),
            CaseKind.IndemnityClaim => BuildClaim(status),
            CaseKind.Requisition => BuildRequisition(status),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        file.ReceivedOn = _windowStart;
        file.Events = _events;
        _events.Insert(0, new CaseEvent { Type = CaseEventTypes.Received, OccurredOn = _windowStart });
        if (status.IsFinal() && file.ClosedOn is null)
            file.ClosedOn = Max(_cursor, LastEventDate(file));
        if (status.IsFinal())
            RecordClosing(file, status);
        file.Status = status;
        var (reached, problems) = CaseSteps.Replay(file);
        if (problems.Count > 0)
            throw new InvalidOperationException($"Demo {kind} at {status} (reached {reached}): {string.Join(" ", problems)}");
        Place(file);
        if (file is Requisition { InitialDueOn: { } first, DueOn: { } extended })
            foreach (var e in file.Events.Where(e => e.Type == CaseEventTypes.DueDateExtended))
                e.Note = RequisitionKind.ExtensionNote(first, extended, null);
        Stamp(file);
        return file;
    }

    /// <summary>The closing step's event, carrying the outcome, unless the kind's own path already recorded it (a refusal).</summary>
    private static void RecordClosing(CaseFile file, CaseStatus status)
    {
        var step = CaseKinds.Of(file).Steps.First(s => s.To == status);
        if (file.Events.Any(e => e.Type == step.EventType))
            return;
        file.Events.Add(new CaseEvent
        {
            Type = step.EventType, OccurredOn = file.ClosedOn!.Value, Note = file.Outcome is null ? null : $"{step.TextLabel} : {file.Outcome}",
        });
    }

    // ---------------------------------------------------------------- access requests (CSP L.1111-7, R.1111-1 to R.1111-8)

    private AccessRequest BuildAccessRequest(CaseStatus status)
    {
        var r = new AccessRequest
        {
            // Its provisional receipt (Build sets it again): the five-year rule counts from it.
            ReceivedOn = _windowStart,
            RequesterCapacity = Pick<RequesterCapacity>(
                [(RequesterCapacity.Patient, 55), (RequesterCapacity.HeirOrPartner, 15), (RequesterCapacity.ParentalAuthority, 10),
                 (RequesterCapacity.DesignatedDoctor, 9), (RequesterCapacity.LegalRepresentative, 7), (RequesterCapacity.AssistingPerson, 4)]),
        };
        r.Channel = Pick<Channel>([(Channel.Mail, 45), (Channel.Email, 25), (Channel.FrontDesk, 12), (Channel.WebForm, 10), (Channel.HandDelivered, 5), (Channel.Fax, 3)]);
        var service = r.RequesterCapacity switch
        {
            RequesterCapacity.ParentalAuthority => PickOne(["Pédiatrie", "Pédiatrie", "Urgences", "Néonatologie", "Psychiatrie infanto-juvénile", "Chirurgie orthopédique", "ORL"]),
            RequesterCapacity.HeirOrPartner => PickOne(["Réanimation", "Urgences", "Oncologie", "Gériatrie", "Cardiologie", "Pneumologie", "Neurologie", "Unité de soins palliatifs", "Médecine interne"]),
            RequesterCapacity.LegalRepresentative or RequesterCapacity.AssistingPerson => PickOne(["Psychiatrie adulte", "Gériatrie", "Médecine interne", "Urgences", "Neurologie"]),
            _ => PickClinicalService(adult: true),
        };
        r.Services = ServicesWith(service);
        var patient = NewPatient(service, minor: r.RequesterCapacity == RequesterCapacity.ParentalAuthority,
            adult: r.RequesterCapacity == RequesterCapacity.Patient);
        r.Patient = patient.Patient;
        // R.1111-5: the patient refuses the doctor's presence, the CDSP is seized (it is, once the request is complete).
        r.PsychiatricDoctorRequired = service == "Psychiatrie adulte" && r.RequesterCapacity == RequesterCapacity.Patient
            && status is CaseStatus.Received or CaseStatus.Complete or CaseStatus.Sent or CaseStatus.Closed && Chance(0.4);
        if (r.RequesterCapacity == RequesterCapacity.HeirOrPartner)
        {
            r.Patient.DeathDate = _windowStart.AddDays(-_rng.Next(7, 400));
            r.DeceasedMotive = Pick<DeceasedAccessMotive>([(DeceasedAccessMotive.CausesOfDeath, 45), (DeceasedAccessMotive.AssertRights, 30), (DeceasedAccessMotive.DefendMemory, 25)]);
        }
        SetInformationAge(r, older: patient.Age >= 7 && r.Patient.DeathDate is null && Chance(0.25));
        r.PeriodRequested = PeriodRequested(service, r.InformationOlderThanFiveYears, r.Patient);

        var requester = AccessRequester(r, patient);
        r.Requester = requester.Party;
        if (r.RequesterCapacity == RequesterCapacity.AssistingPerson)
            r.ProtectedAdultConsent = status != CaseStatus.Refused;

        // What the requester asked for; the officer may change it when the request is complete.
        r.CommunicationMode = r.RequesterCapacity == RequesterCapacity.DesignatedDoctor
            ? CommunicationMode.ViaDesignatedDoctor
            : Pick<CommunicationMode>([(CommunicationMode.RecordedDelivery, 38), (CommunicationMode.Post, 20), (CommunicationMode.OnSite, 10), (CommunicationMode.HandDelivery, 10), (CommunicationMode.Electronic, 12), (CommunicationMode.ViaDesignatedDoctor, 10)]);
        if (r.PsychiatricDoctorRequired)
            r.CommunicationMode = CommunicationMode.OnSite;
        if (status == CaseStatus.AwaitingPayment && r.CommunicationMode is CommunicationMode.OnSite or CommunicationMode.Electronic)
            r.CommunicationMode = CommunicationMode.RecordedDelivery;
        if (r.CommunicationMode == CommunicationMode.ViaDesignatedDoctor)
            r.DesignatedDoctor = r.RequesterCapacity == RequesterCapacity.DesignatedDoctor ? r.Requester.Name : PickOne(OutsideDoctors);
        r.Summary = AccessSummary(r, patient, requester, service);

        var required = AccessRequestRules.RequiredProofs(r.RequesterCapacity);
        var allAtOnce = Chance(0.55);
        switch (status)
        {
            case CaseStatus.Received:
                r.ProofsReceived = allAtOnce ? [.. required] : SomeOf(required);
                break;
            case CaseStatus.AwaitingProofs:
                RequestProofs(r, required);
                break;
            case CaseStatus.Refused:
                Refuse(r, required, allAtOnce);
                break;
            case CaseStatus.Abandoned:
                AbandonAccess(r, required);
                break;
            default:
                Complete(r, required, allAtOnce);
                if (status == CaseStatus.Complete)
                {
                    // Half the complete requests have their copy ready to send (pages counted, medium chosen).
                    if (Chance(0.5))
                        PrepareCopy(r, chargeable: false);
                    else if (Chance(0.4))
                        Event(CaseEventTypes.MedicalValidation, 1, 3, "Dossier relu par le médecin responsable.");
                    // R.1111-2: a consultation offered, the requester is to come (the request waits on them).
                    if (r.CommunicationMode == CommunicationMode.OnSite && !r.PsychiatricDoctorRequired && Chance(0.6))
                        r.OnSiteOfferedOn = Event(CaseEventTypes.OnSiteOffered, 2, 6, "Rendez-vous de consultation proposé, accompagnement médical proposé.");
                    break;
                }
                PrepareCopy(r, chargeable: status == CaseStatus.AwaitingPayment);
                if (status == CaseStatus.AwaitingPayment)
                {
                    Event(CaseEventTypes.PaymentRequested, 0, 2, $"Devis de {Euros(Fees(r))} adressé au demandeur ; envoi à réception du règlement.");
                    break;
                }
                if (Fees(r) > 0 && Chance(0.5))
                {
                    Event(CaseEventTypes.PaymentRequested, 0, 2, $"Devis de {Euros(Fees(r))} adressé au demandeur.");
                    r.PaidOn = Event(CaseEventTypes.PaymentReceived, 3, 12, "Règlement reçu par chèque à l'ordre du Trésor public.");
                }
                Send(r);
                if (status == CaseStatus.Closed)
                {
                    if (r.CommunicationMode == CommunicationMode.RecordedDelivery)
                        r.DeliveryAcknowledgedOn = Event(CaseEventTypes.DeliveryAcknowledged, 2, 8, null);
                    r.ClosedOn = Step(0, 7);
                    r.Outcome = AccessOutcome(r);
                }
                break;
        }
        return r;
    }

    /// <summary>
    /// R.1111-1 al.4: the date of the most recent information asked for decides between 8 days and 2 months. A few requests
    /// only know their age class (old stays not found yet in the archives): the office's reading, with its reason.
    /// </summary>
    private void SetInformationAge(AccessRequest r, bool older)
    {
        var sinceBirth = _windowStart.DayNumber - (r.Patient.BirthDate ?? _windowStart.AddYears(-40)).DayNumber;
        older &= sinceBirth > 5 * 366 + 1;
        if (r.Patient.DeathDate is { } death)
            r.MostRecentInformationOn = death;
        else if (Chance(0.1))
        {
            if (older)
                (r.InformationAgeOverride, r.InformationAgeOverrideReason) =
                    (true, "Séjours anciens pas encore retrouvés aux archives : ancienneté indiquée par le demandeur.");
        }
        else
        {
            r.MostRecentInformationOn = older
                ? _windowStart.AddDays(-_rng.Next(5 * 366 + 1, Math.Min(15 * 365, sinceBirth) + 1))
                : _windowStart.AddDays(-_rng.Next(Math.Min(3, sinceBirth), Math.Max(Math.Min(4 * 365, sinceBirth), 3) + 1));
        }
        r.InformationOlderThanFiveYears = AccessRequestRules.InformationAge(r).OlderThanFiveYears;
    }

    private void RequestProofs(AccessRequest r, IReadOnlyList<ProofKind> required)
    {
        r.ProofsReceived = SomeOf(required);
        var missing = required.Except(r.ProofsReceived).Select(p => p.Label().LowerFirst());
        Event(CaseEventTypes.ProofsRequested, 1, 6, "Demandé au demandeur : " + string.Join(", ", missing) + ".");
    }

    private void Complete(AccessRequest r, IReadOnlyList<ProofKind> required, bool allAtOnce)
    {
        if (!allAtOnce)
        {
            RequestProofs(r, required);
            r.CompletedOn = Event(CaseEventTypes.ProofsComplete, 4, 35, null);
        }
        else
        {
            r.CompletedOn = Event(CaseEventTypes.ProofsComplete, 0, 2, "Pièces complètes dès la demande.");
        }
        r.ProofsReceived = [.. required];
        if (r.PsychiatricDoctorRequired)
            r.CdspReferredOn = Event(CaseEventTypes.CdspReferred, 1, 7, "Le patient refuse la présence d'un médecin : saisine de la CDSP (art. R.1111-5 du CSP).");
    }

    private void PrepareCopy(AccessRequest r, bool chargeable)
    {
        var older = r.InformationOlderThanFiveYears || r.PsychiatricDoctorRequired;
        Event(CaseEventTypes.MedicalValidation, older ? 5 : 1, older ? 30 : 3, older ? "Dossier sorti des archives et relu par le médecin." : "Dossier relu par le médecin responsable.");
        if (r.PsychiatricDoctorRequired)
            Event(CaseEventTypes.CdspOpinion, 10, 30, "Avis de la CDSP : communication en présence d'un médecin.");
        var imaging = r.Services.Contains("Imagerie médicale") || Chance(0.15);
        r.PageCount = _rng.Next(4, older ? 420 : 160);
        r.Medium = r.CommunicationMode == CommunicationMode.Electronic ? "Fichier PDF (messagerie sécurisée)"
            : imaging ? "Papier et CD-ROM (imagerie)" : "Papier";
        if (r.CommunicationMode is CommunicationMode.OnSite or CommunicationMode.Electronic)
        {
            r.ReproductionFeeCents = 0;
            r.PostageFeeCents = 0;
            return;
        }
        // CADA scale: 0.18 € a page, 2.75 € a CD-ROM; postage at cost. Small files are often sent free of charge.
        var free = !chargeable && r.PageCount < 20 && Chance(0.6);
        r.ReproductionFeeCents = free ? 0 : r.PageCount * 18L + (imaging ? 275 : 0);
        r.PostageFeeCents = free || r.CommunicationMode == CommunicationMode.HandDelivery ? 0
            : r.CommunicationMode == CommunicationMode.RecordedDelivery ? _rng.Next(560, 1150) : _rng.Next(150, 480);
    }

    private void Send(AccessRequest r)
    {
        // L.1111-7 al.2: nothing leaves before the 48-hour reflection delay (counted from the complete request).
        var earliest = Max(_windowStart, r.CompletedOn ?? _windowStart).AddDays(2);
        var legal = r.InformationOlderThanFiveYears || r.PsychiatricDoctorRequired ? 60 : 8;
        var late = Chance(0.15);
        var gapMax = late ? legal + 20 : Math.Max(1, legal / 4);
        var on = Max(Step(0, gapMax), earliest);
        _cursor = on;
        r.SentOn = on;
        switch (r.CommunicationMode)
        {
            case CommunicationMode.OnSite:
                // R.1111-2: the offer to consult meets the delay; the requester comes on the day chosen.
                r.OnSiteOfferedOn = on;
                EventOn(CaseEventTypes.OnSiteOffered, on, "Rendez-vous de consultation proposé, accompagnement médical proposé.");
                r.SentOn = Step(2, 15);
                EventOn(CaseEventTypes.OnSiteConsultation, r.SentOn.Value, r.PsychiatricDoctorRequired
                    ? "Consultation sur place en présence d'un médecin, conformément à l'avis de la CDSP."
                    : "Consultation sur place, accompagnement médical proposé.");
                break;
            case CommunicationMode.RecordedDelivery:
                r.RecordedDeliveryNumber = $"1A {Digits(3)} {Digits(3)} {Digits(4)} {Digits(1)}";
                EventOn(CaseEventTypes.CopySent, on, $"Envoi en recommandé avec AR n° {r.RecordedDeliveryNumber}.");
                break;
            case CommunicationMode.HandDelivery:
                EventOn(CaseEventTypes.CopySent, on, "Remis en main propre au bureau des relations avec les usagers, contre signature.");
                break;
            case CommunicationMode.Electronic:
                EventOn(CaseEventTypes.CopySent, on, "Transmis par messagerie sécurisée de santé.");
                break;
            case CommunicationMode.ViaDesignatedDoctor:
                EventOn(CaseEventTypes.CopySent, on, $"Adressé sous pli confidentiel au {r.DesignatedDoctor}.");
                break;
            default:
                EventOn(CaseEventTypes.CopySent, on, "Envoi par courrier simple.");
                break;
        }
    }

    private void Refuse(AccessRequest r, IReadOnlyList<ProofKind> required, bool allAtOnce)
    {
        if (allAtOnce)
            r.ProofsReceived = [.. required];
        else
            RequestProofs(r, required);
        switch (r.RequesterCapacity)
        {
            case RequesterCapacity.HeirOrPartner when Chance(0.6):
                r.ObjectionBeforeDeath = true;
                r.RefusalReason = "Le patient s'était opposé de son vivant à la communication de son dossier (art. L.1110-4 V et R.1111-7 du CSP). " +
                                  "Un certificat médical ne comportant pas d'information couverte par le secret peut être délivré.";
                break;
            case RequesterCapacity.HeirOrPartner:
                r.RefusalReason = "Les informations demandées ne se rattachent pas au motif invoqué ; seules les pièces utiles à ce motif peuvent être communiquées (art. R.1111-7 du CSP).";
                break;
            case RequesterCapacity.ParentalAuthority:
                r.MinorObjection = true;
                r.RefusalReason = "Le mineur, pris en charge dans le secret, s'oppose à la communication aux titulaires de l'autorité parentale (art. R.1111-6 du CSP).";
                break;
            case RequesterCapacity.AssistingPerson:
                r.RefusalReason = "Le majeur protégé n'a pas donné son consentement exprès à la communication (art. L.1111-7 du CSP).";
                break;
            default:
                // R.1112-7: kept 20 years after the last stay; the information asked for is older than that.
                (r.MostRecentInformationOn, r.InformationAgeOverride, r.InformationAgeOverrideReason) = (_windowStart.AddYears(-21).AddDays(-_rng.Next(0, 900)), null, null);
                if (r.Patient.BirthDate is { } born && r.MostRecentInformationOn < born)
                    r.MostRecentInformationOn = born.AddYears(1);
                r.InformationOlderThanFiveYears = AccessRequestRules.InformationAge(r).OlderThanFiveYears;
                r.RefusalReason = "Le dossier demandé a été détruit à l'issue de sa durée de conservation, avec le visa des archives (art. R.1112-7 du CSP).";
                break;
        }
        Event(CaseEventTypes.RefusalSent, 2, 12, "Refus motivé adressé au demandeur, avec mention des voies de recours (CADA).");
        r.ClosedOn = _cursor;
        r.Outcome = "Refus motivé";
        // CRPA L.342-1, R.343-1, R.343-3: some requesters seize the CADA within two months, which answers within a month.
        if (Chance(0.45))
        {
            r.CadaReferredOn = Event(CaseEventTypes.CadaReferred, 10, 55, "Saisine de la CADA par le demandeur, reçue en copie.");
            if (Chance(0.6))
                r.CadaOpinionOn = Event(CaseEventTypes.CadaOpinion, 15, 35, PickOne(CadaOpinions));
        }
    }

    private static readonly string[] CadaOpinions =
    [
        "Avis de la CADA : refus fondé, le dossier n'existe plus (art. R.1112-7 du CSP).",
        "Avis de la CADA : communication limitée aux pièces utiles au motif invoqué.",
        "Avis de la CADA : avis favorable à la communication ; réexamen de la demande.",
    ];

    private void AbandonAccess(AccessRequest r, IReadOnlyList<ProofKind> required)
    {
        switch (_rng.Next(3))
        {
            case 0:
                RequestProofs(r, required);
                Event(CaseEventTypes.Reminded, 25, 35, "Relance du demandeur : pièces toujours manquantes.");
                r.ClosedOn = Step(30, 45);
                r.Outcome = "Classé sans suite : pièces justificatives non reçues après relance.";
                break;
            case 1 when r.CommunicationMode is not (CommunicationMode.OnSite or CommunicationMode.Electronic):
                Complete(r, required, allAtOnce: true);
                PrepareCopy(r, chargeable: true);
                Event(CaseEventTypes.PaymentRequested, 0, 2, $"Devis de {Euros(Fees(r))} adressé au demandeur.");
                Event(CaseEventTypes.Reminded, 30, 40, "Relance pour le règlement des frais de reproduction.");
                r.ClosedOn = Step(30, 45);
                r.Outcome = "Classé sans suite : frais de reproduction non réglés.";
                break;
            default:
                r.ProofsReceived = SomeOf(required);
                Event(CaseEventTypes.Note, 1, 20, "Le demandeur retire sa demande par téléphone ; confirmation écrite reçue.");
                r.ClosedOn = _cursor;
                r.Outcome = "Demande retirée par le demandeur.";
                break;
        }
    }

    private static string AccessOutcome(AccessRequest r)
    {
        var start = r.CompletedOn ?? r.ReceivedOn;
        // R.1111-2: an on-site consultation meets the delay on the day it was offered.
        var days = (r.OnSiteOfferedOn ?? r.SentOn!.Value).DayNumber - start.DayNumber;
        var legal = r.InformationOlderThanFiveYears || r.PsychiatricDoctorRequired ? 60 : 8;
        var how = r.CommunicationMode is { } mode ? mode.Label().LowerFirst() : "envoi";
        return days <= legal
            ? $"Dossier communiqué ({how}) en {days} jour{(days > 1 ? "s" : "")}, dans le délai légal."
            : $"Dossier communiqué ({how}) en {days} jours, hors délai légal de {(legal == 8 ? "8 jours" : "2 mois")}.";
    }

    private (Party Party, Person Person) AccessRequester(AccessRequest r, PatientInfo patient)
    {
        switch (r.RequesterCapacity)
        {
            case RequesterCapacity.Patient:
                return (PartyFor(patient.Person, patient.Person.Woman ? "la patiente" : "le patient"), patient.Person);
            case RequesterCapacity.ParentalAuthority:
            {
                var parent = Relative(patient.Person, "parent");
                return (PartyFor(parent.Person, parent.Capacity + " (titulaire de l'autorité parentale)"), parent.Person);
            }
            case RequesterCapacity.HeirOrPartner:
            {
                var heir = Relative(patient.Person, PickOne(["child", "child", "spouse", "spouse", "pacs", "partner", "sibling"]));
                return (PartyFor(heir.Person, heir.Capacity), heir.Person);
            }
            case RequesterCapacity.LegalRepresentative when Chance(0.6):
            {
                var association = PickOne(["UDAF de Loire-Atlantique, service des mesures de protection", "ATIMA, service mandataire judiciaire", "APAJH 44, service tutélaire"]);
                var agent = NewPerson();
                var party = PartyFor(agent, $"mandataire judiciaire à la protection des majeurs (tutelle), {association}");
                party.Name = $"{agent.First} {agent.Last} ({association.Split(',')[0]})";
                return (party, agent);
            }
            case RequesterCapacity.LegalRepresentative:
            {
                var tutor = Relative(patient.Person, "child");
                return (PartyFor(tutor.Person, $"{tutor.Capacity}, tuteur (mesure de protection avec représentation)"), tutor.Person);
            }
            case RequesterCapacity.AssistingPerson:
            {
                var curator = Relative(patient.Person, PickOne(["child", "sibling", "spouse"]));
                return (PartyFor(curator.Person, $"{curator.Capacity}, curateur (mesure d'assistance)"), curator.Person);
            }
            default:
            {
                var doctor = PickOne(OutsideDoctors);
                var names = doctor["Dr ".Length..].Split(' ', 2);
                var person = new Person(names[0], names[1], false);
                var party = PartyFor(person, patient.Person.Woman ? "médecin désigné par la patiente" : "médecin désigné par le patient");
                party.Name = doctor;
                return (party, person);
            }
        }
    }

    private string AccessSummary(AccessRequest r, PatientInfo patient, (Party Party, Person Person) requester, string service)
    {
        var mode = r.CommunicationMode switch
        {
            CommunicationMode.RecordedDelivery => " Envoi en recommandé avec AR souhaité.",
            CommunicationMode.Post => " Envoi par courrier souhaité.",
            CommunicationMode.OnSite => " Souhaite consulter le dossier sur place.",
            CommunicationMode.HandDelivery => " Viendra retirer les copies au bureau des relations avec les usagers.",
            CommunicationMode.Electronic => " Souhaite une transmission par voie électronique.",
            CommunicationMode.ViaDesignatedDoctor => $" Communication par l'intermédiaire du {r.DesignatedDoctor}.",
            _ => "",
        };
        var period = char.ToLower(r.PeriodRequested![0], Fr) + r.PeriodRequested[1..];
        var who = patient.Person.Woman ? "sa fille" : "son fils";
        return r.RequesterCapacity switch
        {
            RequesterCapacity.Patient when r.PsychiatricDoctorRequired =>
                $"Demande de communication de son dossier ({period}), portant sur une hospitalisation sans consentement ; le médecin estime qu'une présence médicale est nécessaire.{mode}",
            RequesterCapacity.Patient => $"Demande de copie de son dossier médical : {period}.{mode}",
            RequesterCapacity.ParentalAuthority => $"Demande de copie du dossier médical de {who} mineur{(patient.Person.Woman ? "e" : "")} : {period}.{mode}",
            RequesterCapacity.HeirOrPartner =>
                $"Demande de l'{(requester.Party.Capacity!.StartsWith("épou", StringComparison.Ordinal) ? "" : "ayant droit, ")}{requester.Party.Capacity} décédé{(patient.Person.Woman ? "e" : "")} {DemoTexts.In(service)} : " +
                $"{r.DeceasedMotive!.Value.Label().LowerFirst()}. Pièces demandées : compte rendu d'hospitalisation, dossier de soins et résultats d'examens.{mode}",
            RequesterCapacity.LegalRepresentative => $"Demande du représentant légal d'un majeur protégé : {period}.{mode}",
            RequesterCapacity.AssistingPerson => $"Demande du curateur, avec l'accord écrit de la personne protégée : {period}.{mode}",
            _ => $"Demande d'un médecin désigné par {(patient.Person.Woman ? "la patiente" : "le patient")} : comptes rendus et résultats d'examens, {period}.",
        };
    }

    private string PeriodRequested(string service, bool older, Patient patient)
    {
        if (patient.DeathDate is { } death)
            return $"Dernière hospitalisation {DemoTexts.In(service)}, du {death.AddDays(-_rng.Next(0, 30)):dd/MM/yyyy} au {death:dd/MM/yyyy}";
        var start = older ? _windowStart.AddDays(-_rng.Next(5 * 365 + 30, 16 * 365)) : _windowStart.AddDays(-_rng.Next(10, 700));
        var born = patient.BirthDate!.Value;
        if (start < born)
            start = born.AddDays(_rng.Next(0, Math.Max(1, _windowStart.DayNumber - born.DayNumber - (older ? 5 * 365 + 30 : 10))));
        var end = start.AddDays(_rng.Next(1, 15));
        var month = start.ToString("MMMM yyyy", Fr);
        if (service == "Urgences")
            return Chance(0.5) ? $"Passage aux Urgences du {start:dd/MM/yyyy}" : $"Passage aux Urgences et hospitalisation, du {start:dd/MM/yyyy} au {end:dd/MM/yyyy}";
        if (!DemoTexts.IsWard(service))
            return $"Comptes rendus et examens {DemoTexts.In(service)}, {month}";
        return _rng.Next(4) switch
        {
            0 => $"Hospitalisation {DemoTexts.In(service)} du {start:dd/MM/yyyy} au {end:dd/MM/yyyy}",
            1 => $"Séjour {DemoTexts.In(service)} en {month}",
            2 => $"Intégralité du dossier médical depuis {start.Year}",
            _ => $"Comptes rendus et examens {DemoTexts.In(service)}, {month}",
        };
    }

    private static long Fees(AccessRequest r) => (r.ReproductionFeeCents ?? 0) + (r.PostageFeeCents ?? 0);

    // ---------------------------------------------------------------- complaints (CSP R.1112-91 to R.1112-94)

    private Complaint BuildComplaint(CaseStatus status)
    {
        var c = new Complaint();
        c.Channel = Pick<Channel>([(Channel.Mail, 35), (Channel.Email, 25), (Channel.WebForm, 12), (Channel.OralRecorded, 8), (Channel.Phone, 5),
            (Channel.ViaArs, 5), (Channel.ViaPatientRepresentative, 4), (Channel.ViaDefenseurDesDroits, 2), (Channel.FrontDesk, 4)]);
        var praise = status is CaseStatus.Received or CaseStatus.Acknowledged or CaseStatus.Answered or CaseStatus.Closed && Chance(0.08);
        c.Nature = praise ? ComplaintNature.Praise : Chance(0.35) ? ComplaintNature.Complaint : ComplaintNature.Grievance;
        var primary = Pick<ComplaintMotive>([(ComplaintMotive.MedicalCare, 22), (ComplaintMotive.WaitingTimes, 14), (ComplaintMotive.Information, 12),
            (ComplaintMotive.StaffRelations, 10), (ComplaintMotive.NursingCare, 9), (ComplaintMotive.Reception, 6), (ComplaintMotive.Hospitality, 5),
            (ComplaintMotive.LostBelongings, 6), (ComplaintMotive.Billing, 6), (ComplaintMotive.PatientRights, 5), (ComplaintMotive.DischargeTransfer, 4),
            (ComplaintMotive.MedicalRecord, 1)]);
        var service = primary switch
        {
            ComplaintMotive.Billing when Chance(0.6) => "Facturation",
            ComplaintMotive.Reception when Chance(0.5) => "Accueil et admissions",
            ComplaintMotive.NursingCare or ComplaintMotive.Hospitality or ComplaintMotive.DischargeTransfer or ComplaintMotive.LostBelongings => Pick(WardWeights),
            _ => PickClinicalService(adult: false),
        };
        c.Services = primary switch
        {
            ComplaintMotive.Hospitality when Chance(0.5) => [service, "Restauration"],
            ComplaintMotive.Billing when service != "Facturation" => [service, "Facturation"],
            _ => ServicesWith(service),
        };
        var patient = NewPatient(service);
        c.Patient = patient.Patient;

        string who;
        if (Chance(0.45))
        {
            c.Requester = PartyFor(patient.Person, patient.Person.Woman ? "la patiente" : "le patient");
            who = patient.Person.Woman ? "la patiente" : "le patient";
            if (patient.Age < 18)
            {
                var parent = Relative(patient.Person, "parent");
                c.Requester = PartyFor(parent.Person, parent.Capacity);
                who = WhoFor("parent", patient.Person.Woman);
            }
        }
        else
        {
            var relation = patient.Age < 18 ? "parent" : patient.Age > 70 ? PickOne(["child", "child", "spouse", "grandchild"]) : PickOne(["spouse", "child", "parent", "sibling", "partner"]);
            var relative = Relative(patient.Person, relation);
            c.Requester = PartyFor(relative.Person, relative.Capacity);
            who = WhoFor(relation, patient.Person.Woman);
        }

        if (!praise)
        {
            c.Motives = [primary];
            for (var extra = _rng.Next(3); extra > 0; extra--)
            {
                var other = (ComplaintMotive)_rng.Next(1, 13);
                if (!c.Motives.Contains(other))
                    c.Motives.Add(other);
            }
            c.Summary = FillNumbers(Fill(PickOne(DemoTexts.ComplaintSummaries[primary]), who, service, patient.Person.Woman));
            c.Severity = Pick<ComplaintSeverity>([(ComplaintSeverity.Minor, 25), (ComplaintSeverity.Moderate, 50), (ComplaintSeverity.Serious, 20), (ComplaintSeverity.Critical, 5)]);
            c.CareRelatedDamage = primary is ComplaintMotive.MedicalCare or ComplaintMotive.NursingCare && Chance(0.2);
            // The first new complaint about care (not yet sent to the service, so no interview yet) shows the 15 days running.
            if (primary is ComplaintMotive.MedicalCare or ComplaintMotive.NursingCare && status is CaseStatus.Received or CaseStatus.Acknowledged
                && !_damageInterviewPending)
                c.CareRelatedDamage = _damageInterviewPending = true;
            c.IsLitigation = Chance(0.03);
            if (c.IsLitigation)
                c.Summary += " Indique avoir déposé plainte auprès du procureur de la République.";
            if (c.Channel == Channel.ViaArs)
                c.Summary += " Réclamation transmise par l'ARS, qui demande copie de la réponse.";
        }
        else
        {
            c.Summary = Fill(PickOne(DemoTexts.Praises), who, service, patient.Person.Woman);
            c.Severity = ComplaintSeverity.Minor;
        }
        c.FactsOn = _windowStart.AddDays(-_rng.Next(0, 60));
        if (status is CaseStatus.Received or CaseStatus.Acknowledged or CaseStatus.UnderInvestigation or CaseStatus.InMediation && Chance(0.08))
        {
            c.PatientHospitalised = true;
            c.FactsOn = _windowStart.AddDays(-_rng.Next(0, 5));
            c.PlannedDischargeOn = _windowStart.AddDays(_rng.Next(3, 21));
        }
        // R.1112-91: the copy of an oral complaint written down is handed « sans délai »; a few new ones still wait for it.
        if (c.Channel == Channel.OralRecorded && (status != CaseStatus.Received || Chance(0.5)))
            Event(CaseEventTypes.OralCopyHanded, 0, Chance(0.1) ? 4 : 1, "Réclamation orale consignée par écrit ; copie remise à l'usager (art. R.1112-91 du CSP).");
        // L.1142-4: the damage is sometimes discovered after the facts, and then counts from its discovery.
        if (c.CareRelatedDamage && c.FactsOn is { } facts && Chance(0.5))
            c.DamageDiscoveredOn = facts.AddDays(_rng.Next(0, _windowStart.DayNumber - facts.DayNumber + 1));

        switch (status)
        {
            case CaseStatus.Received:
                break;
            case CaseStatus.Acknowledged:
                Acknowledge();
                break;
            case CaseStatus.UnderInvestigation:
                if (Chance(0.85))
                    Acknowledge();
                Investigate(c, replied: Chance(0.3));
                break;
            case CaseStatus.InMediation:
                Acknowledge();
                Investigate(c, replied: Chance(0.5));
                Mediate(c, meeting: Chance(0.6), report: false);
                break;
            case CaseStatus.AwaitingCdu:
                Acknowledge();
                Investigate(c, replied: true);
                if (Chance(0.7))
                    Mediate(c, meeting: true, report: true);
                else
                    Event(CaseEventTypes.CduReferred, 2, 15, "Inscrit à l'examen de la prochaine séance de la CDU.");
                if (Chance(0.6))
                    c.MedicalDataConsentOn = Step(0, 10);
                break;
            case CaseStatus.Answered:
                Answer(c, praise);
                break;
            case CaseStatus.Abandoned:
                if (Chance(0.5))
                    Acknowledge();
                Event(CaseEventTypes.Note, 5, 40, PickOne(["Le réclamant indique ne pas souhaiter donner suite.", "Sans réponse du réclamant à la proposition de rencontre, après relance.", "Réclamation retirée par l'usager après un échange téléphonique avec le cadre de santé."]));
                c.ClosedOn = _cursor;
                c.Outcome = "Réclamation retirée ou sans suite à la demande de l'usager.";
                break;
            default:
                Answer(c, praise);
                c.ClosedOn = Step(0, 15);
                c.Outcome = praise ? "Remerciements transmis à l'équipe et à la direction des soins."
                    : c.CduOpinion is { } opinion ? $"Réponse adressée avec l'avis de la CDU ({opinion.Label().LowerFirst()})."
                    : c.Motives[0] switch
                    {
                        ComplaintMotive.LostBelongings => PickOne(["Objet retrouvé et restitué à la famille.", "Remboursement de l'objet perdu sur facture, dans la limite du barème."]),
                        ComplaintMotive.Billing => PickOne(["Facture annulée et réémise après prise en charge par la mutuelle.", "Facture maintenue, explications données au réclamant."]),
                        _ => PickOne(["Réponse apportée au réclamant ; explications jugées satisfaisantes.", "Réponse du directeur avec les explications du chef de service ; rappel des voies de médiation.", "Excuses présentées ; mesures correctives engagées dans le service."]),
                    };
                break;
        }
        return c;
    }

    private void Acknowledge() => Event(CaseEventTypes.AcknowledgementSent, 1, 8, "Accusé de réception mentionnant la possibilité de saisir un médiateur.");

    private void Investigate(Complaint c, bool replied)
    {
        Event(CaseEventTypes.SentToService, 0, 5, $"Transmis au chef de service et au cadre de santé ({c.Services[0]}) pour éléments de réponse.");
        // L.1142-4: the patient is told the circumstances and causes of a damage associated with care within 15 days.
        if (c.CareRelatedDamage && Chance(0.85))
            Event(CaseEventTypes.DamageInformationInterview, 1, Chance(0.15) ? 20 : 10,
                "Entretien avec le chef de service sur les circonstances et les causes du dommage ; le patient était accompagné.");
        if (replied)
            Event(CaseEventTypes.ServiceReplied, 6, 30, "Éléments de réponse du service reçus.");
    }

    private void Mediate(Complaint c, bool meeting, bool report)
    {
        var medical = new[] { ComplaintMotive.MedicalCare, ComplaintMotive.NursingCare, ComplaintMotive.MedicalRecord };
        c.MediationType = c.Motives.All(medical.Contains) ? MediationType.Medical
            : c.Motives.Any(medical.Contains) ? MediationType.Mixed : MediationType.NonMedical;
        var med = MedicalMediators[Chance(0.2) ? 1 : 0];
        var nonMed = NonMedicalMediators[Chance(0.2) ? 1 : 0];
        c.MediatorName = c.MediationType switch
        {
            MediationType.Medical => med,
            MediationType.NonMedical => nonMed,
            _ => $"{med} et {nonMed}",
        };
        if (Chance(0.3))
            c.AccompanyingRepresentative = PickOne(PatientRepresentatives);
        Event(CaseEventTypes.MediatorReferred, 2, 15, $"Saisine du médiateur ({c.MediationType.Label().LowerFirst()}) par le directeur.");
        if (!meeting)
            return;
        // R.1112-93: meeting within 8 days of the referral; R.1112-92 al.2: a mixed mediation meets both mediators.
        var accompanied = c.AccompanyingRepresentative is null ? "" : $", le réclamant étant accompagné de {c.AccompanyingRepresentative}";
        if (c.MediationType == MediationType.Mixed)
        {
            Event(CaseEventTypes.MedicalMediationMeeting, 1, Chance(0.1) ? 20 : 7, $"Rencontre avec le médiateur médecin{accompanied}.");
            // A mixed mediation still in progress may wait for its second meeting.
            if (!report && Chance(0.3))
                return;
            Event(CaseEventTypes.NonMedicalMediationMeeting, 0, 3, $"Rencontre avec le médiateur non médecin{accompanied}.");
        }
        else
            Event(CaseEventTypes.MediationMeeting, 1, Chance(0.1) ? 20 : 8, $"Rencontre de médiation avec le réclamant{accompanied}.");
        if (!report)
            return;
        // R.1112-94 al.1: report within 8 days of the meeting, then forwarded « sans délai » to the members and the complainant.
        Event(CaseEventTypes.MediationReportSent, 1, Chance(0.1) ? 15 : 8, "Compte rendu transmis au président de la CDU.");
        Event(CaseEventTypes.MediationReportForwarded, 0, Chance(0.1) ? 6 : 2, "Compte rendu envoyé, avec la plainte, aux membres de la CDU et au plaignant.");
    }

    private void Answer(Complaint c, bool praise)
    {
        if (praise)
        {
            c.AnswerSentOn = Event(CaseEventTypes.AnswerSent, 3, 20, "Lettre de remerciement ; compliments transmis à l'équipe.");
            return;
        }
        if (Chance(0.7))
            Acknowledge();
        Investigate(c, replied: true);
        if (Chance(0.35))
        {
            Mediate(c, meeting: true, report: true);
            c.MedicalDataConsentOn = Step(0, 5);
            c.CduMeetingOn = Event(CaseEventTypes.CduExamined, 10, 60, "Dossier examiné en séance de la CDU.");
            c.CduOpinion = Pick<CduOpinion>([(CduOpinion.Recommendation, 40), (CduOpinion.RemediesInformation, 25), (CduOpinion.ReasonedClosure, 35)]);
            c.CduOpinionText = PickOne(DemoTexts.CduOpinions[c.CduOpinion.Value]);
            // R.1112-94 al.3: the director answers within 8 days of the CDU meeting, with its opinion.
            c.AnswerSentOn = Event(CaseEventTypes.AnswerSent, 1, Chance(0.15) ? 20 : 8, "Réponse du directeur, avec l'avis de la CDU.");
        }
        else
        {
            c.AnswerSentOn = Event(CaseEventTypes.AnswerSent, 2, Chance(0.2) ? 45 : 15, "Réponse du directeur, avec les explications du service et la mention de la médiation.");
        }
    }

    // ---------------------------------------------------------------- indemnity claims (CJA R.421-1 to R.421-5, CSP L.1142-7 s.)

    private IndemnityClaim BuildClaim(CaseStatus status)
    {
        var c = new IndemnityClaim();
        c.Channel = Pick<Channel>([(Channel.Mail, 80), (Channel.Email, 15), (Channel.HandDelivered, 5)]);
        var harm = PickOne(DemoTexts.Harms);
        c.Services = [harm.Service];
        // Belongings lost or stolen are no care damage: the four-year prescription of loi 68-1250 applies.
        c.Damage = harm.Text.StartsWith("Perte ", StringComparison.Ordinal) || harm.Text.StartsWith("Vol ", StringComparison.Ordinal)
            ? ClaimDamage.OutsideCare : ClaimDamage.Care;
        var patient = NewPatient(harm.Service);
        c.Patient = patient.Patient;
        var deceased = patient.Age > 60 && Chance(0.1);
        if (deceased)
            c.Patient.DeathDate = _windowStart.AddDays(-_rng.Next(30, 500));
        var claimedEuros = _rng.Next(harm.MinEuros, harm.MaxEuros + 1) / 100 * 100;
        c.ClaimedAmountCents = claimedEuros * 100L;
        if (Chance(0.55))
        {
            c.LawyerName = PickOne(Lawyers);
            var client = deceased ? "des ayants droit" : patient.Person.Woman ? "de la patiente" : "du patient";
            c.Requester = new Party
            {
                Name = c.LawyerName, Capacity = $"avocat {client}", Address = $"{_rng.Next(1, 40)} {PickOne(Streets)}, 44000 Nantes",
                Email = $"contact@{Slug(c.LawyerName["Maître ".Length..].Split(' ')[1])}-avocats.fr", Phone = $"02 40 {Digits(2)} {Digits(2)} {Digits(2)}",
            };
        }
        else if (deceased)
        {
            var heir = Relative(patient.Person, PickOne(["child", "spouse"]));
            c.Requester = PartyFor(heir.Person, $"{heir.Capacity} décédé{(patient.Person.Woman ? "e" : "")}");
        }
        else
        {
            c.Requester = PartyFor(patient.Person, patient.Person.Woman ? "la patiente" : "le patient");
        }
        c.Summary = $"{harm.Text} Demande indemnitaire préalable de {claimedEuros.ToString("N0", Fr)} € " +
                    (deceased ? "présentée par les ayants droit, le patient étant décédé." : "au titre des préjudices subis.");
        if (Chance(0.2))
            c.ConsolidatedOn = _windowStart.AddDays(-_rng.Next(30, 600));

        switch (status)
        {
            case CaseStatus.Received:
                // Just received: the acknowledgement is the office's next letter (Courriers tab).
                break;
            case CaseStatus.DeclaredToInsurer:
                ClaimAcknowledge(c);
                Declare(c);
                break;
            case CaseStatus.UnderInvestigation:
                ClaimAcknowledge(c);
                if (Chance(0.8))
                    Declare(c);
                Event(CaseEventTypes.SentToService, 5, 20, "Dossier transmis au service et au médecin conseil de l'assureur, avec l'accord du patient.");
                if (Chance(0.4))
                    Event(CaseEventTypes.Note, 30, 90, "Expertise médicale amiable réalisée ; rapport attendu.");
                MaybeConsolidate(c);
                break;
            case CaseStatus.Answered:
                ClaimAcknowledge(c);
                Declare(c);
                Event(CaseEventTypes.Note, 30, 90, "Rapport d'expertise amiable reçu.");
                if (Chance(0.6))
                    Offer(c, accept: Chance(0.5));
                else
                    Reject(c);
                break;
            case CaseStatus.CciProcedure:
                ClaimAcknowledge(c);
                Declare(c);
                if (Chance(0.4))
                    Reject(c);
                ReferToCci(c, opinion: Chance(0.35));
                break;
            case CaseStatus.Litigation:
                ClaimAcknowledge(c);
                Declare(c);
                GoToCourt(c);
                break;
            case CaseStatus.Abandoned:
                ClaimAcknowledge(c);
                if (Chance(0.5))
                    Declare(c);
                Event(CaseEventTypes.Note, 20, 120, "Courrier de désistement du demandeur.");
                c.ClosedOn = _cursor;
                c.Outcome = "Désistement du demandeur.";
                break;
            default:
                ClaimAcknowledge(c);
                Declare(c);
                switch (_rng.Next(100))
                {
                    case < 45:
                        Event(CaseEventTypes.Note, 30, 90, "Rapport d'expertise amiable reçu.");
                        MaybeConsolidate(c);
                        Offer(c, accept: true);
                        c.PaidOn = Event(CaseEventTypes.CompensationPaid, 10, 30, null);
                        c.Outcome = $"Transaction amiable : indemnité de {Euros(c.OfferAmountCents!.Value)} versée.";
                        break;
                    case < 75:
                        Event(CaseEventTypes.Note, 30, 90, "Rapport d'expertise amiable reçu.");
                        Reject(c);
                        Step(60, 75);
                        c.Outcome = "Demande rejetée par décision expresse ; aucun recours exercé dans le délai de deux mois.";
                        break;
                    case < 88:
                        GoToCourt(c);
                        Event(CaseEventTypes.Note, 120, 200, "Jugement du tribunal administratif notifié : requête rejetée.");
                        c.Outcome = "Jugement du tribunal administratif : rejet de la requête.";
                        break;
                    default:
                        ReferToCci(c, opinion: true);
                        if (c.CciOpinionOutcome == CciOpinionOutcome.FaultInsurer)
                        {
                            Offer(c, accept: true);
                            c.PaidOn = Event(CaseEventTypes.CompensationPaid, 10, 30, null);
                            c.Outcome = $"Avis de la CCI : faute ; indemnité de {Euros(c.OfferAmountCents!.Value)} versée par l'assureur.";
                        }
                        else
                        {
                            c.Outcome = $"Avis de la CCI rendu ({c.CciOpinionOutcome!.Value.Label().LowerFirst()}) ; dossier clos pour l'établissement.";
                        }
                        break;
                }
                c.ClosedOn = Step(0, 15);
                break;
        }
        return c;
    }

    /// <summary>The acknowledgement carries the CRPA R.112-5 mentions: the court time limit runs from the implicit rejection.</summary>
    private void ClaimAcknowledge(IndemnityClaim c)
    {
        Event(CaseEventTypes.AcknowledgementSent, 2, 10, "Accusé de réception : rejet implicite au terme de deux mois de silence, voies et délais de recours.");
        c.AcknowledgementCarriedMentions = true;
    }

    private void Declare(IndemnityClaim c)
    {
        c.InsurerName = Insurer;
        c.InsurerDeclaredOn = Event(CaseEventTypes.InsurerDeclared, 1, 15, $"Déclaration de sinistre à {Insurer}.");
        c.InsurerClaimNumber = $"SHAM-{c.InsurerDeclaredOn.Value.Year % 100:D2}-{_rng.Next(1000, 99999):D5}";
        c.DeductibleCents = 1_500_000;
    }

    private void MaybeConsolidate(IndemnityClaim c)
    {
        if (c.ConsolidatedOn is null && Chance(0.3))
            c.ConsolidatedOn = Event(CaseEventTypes.Consolidation, 10, 60, "Date de consolidation retenue par l'expert.");
    }

    private void Offer(IndemnityClaim c, bool accept)
    {
        var offer = (long)(c.ClaimedAmountCents!.Value * (0.2 + _rng.NextDouble() * 0.5)) / 10_000 * 10_000;
        c.OfferAmountCents = Math.Max(offer, 50_000);
        c.OfferOn = Event(CaseEventTypes.InsurerOffer, 10, 60, $"Offre d'indemnisation de {Euros(c.OfferAmountCents.Value)}.");
        // Below the deductible the hospital pays; above it, the insurer pays the rest (contract, no legal figure).
        c.HospitalShareCents = Math.Min(c.OfferAmountCents.Value, c.DeductibleCents ?? 0);
        c.InsurerShareCents = c.OfferAmountCents.Value - c.HospitalShareCents;
        c.ExpressDecisionNotifiedOn = Event(CaseEventTypes.ExpressDecisionNotified, 0, 5, "Décision expresse : proposition d'indemnisation, voies et délais de recours.");
        c.DecisionCarriedRemedies = true;
        // L.1142-14 al.4: before consolidation the offer is provisional; the final one follows the consolidation.
        c.OfferIsProvisional = c.ConsolidatedOn is null && Chance(0.3);
        if (accept)
            c.AcceptedOn = Event(CaseEventTypes.OfferAccepted, 10, 40, "Protocole transactionnel signé.");
    }

    private void Reject(IndemnityClaim c)
    {
        c.ExpressDecisionNotifiedOn = Event(CaseEventTypes.ExpressDecisionNotified, 20, 55,
            "Rejet motivé de la demande, avec mention des voies et délais de recours et de l'effet suspensif de la saisine de la CCI (art. R.421-5 du CJA).");
        c.DecisionCarriedRemedies = true;
    }

    private void ReferToCci(IndemnityClaim c, bool opinion)
    {
        c.Procedure = ClaimProcedure.Cci;
        c.CciReferredOn = Event(CaseEventTypes.CciReferred, 10, 60, $"Saisine de la {Cci} par le demandeur.");
        c.CciFileNumber = $"CCI-PDL-{c.CciReferredOn.Value.Year}-{_rng.Next(1, 2000):D4}";
        Event(CaseEventTypes.Note, 30, 90, "Expertise ordonnée par la CCI ; dossier médical transmis à l'expert.");
        if (!opinion)
            return;
        c.CciOpinionOn = Event(CaseEventTypes.CciOpinion, 60, 110, null);
        c.CciOpinionOutcome = Pick<CciOpinionOutcome>([(CciOpinionOutcome.FaultInsurer, 40), (CciOpinionOutcome.MedicalAccidentOniam, 25), (CciOpinionOutcome.Rejected, 25), (CciOpinionOutcome.NotCompetent, 10)]);
        _events[^1].Note = $"Avis de la CCI rendu ({c.CciOpinionOutcome.Value.Label().LowerFirst()}).";
    }

    private void GoToCourt(IndemnityClaim c)
    {
        c.Procedure = ClaimProcedure.AdministrativeCourt;
        c.CourtName = AdministrativeCourt;
        if (Chance(0.5))
            Reject(c);
        else
            Event(CaseEventTypes.Note, 60, 70, "Rejet implicite né du silence gardé pendant deux mois (art. R.421-2 du CJA).");
        Event(CaseEventTypes.CourtReferred, 20, 60, $"Requête enregistrée au {AdministrativeCourt}.");
        c.CourtCaseNumber = $"{_cursor.Year % 100:D2}{_rng.Next(0, 20000):D5}";
        // C. civ. 2239: an expertise ordered by the judge suspends the prescription until it is carried out.
        if (Chance(0.4))
            c.ExpertiseOrderedOn = Event(CaseEventTypes.ExpertiseOrdered, 20, 60, "Expertise médicale ordonnée par le juge des référés.");
        if (Chance(0.5))
            Event(CaseEventTypes.Note, 30, 90, "Mémoire en défense déposé par l'avocat de l'assureur.");
    }

    // ---------------------------------------------------------------- requisitions (CPP 56-3, 60-1, 77-1-1, 99-3)

    private Requisition BuildRequisition(CaseStatus status)
    {
        var r = new Requisition
        {
            Authority = Pick<RequisitionAuthority>([(RequisitionAuthority.Police, 45), (RequisitionAuthority.Gendarmerie, 30), (RequisitionAuthority.Prosecutor, 12),
                (RequisitionAuthority.InvestigatingJudge, 10), (RequisitionAuthority.Court, 3)]),
        };
        r.Channel = Pick<Channel>([(Channel.Email, 40), (Channel.HandDelivered, 25), (Channel.Mail, 20), (Channel.Fax, 15)]);
        r.LegalBasis = r.Authority switch
        {
            RequisitionAuthority.InvestigatingJudge => RequisitionLegalBasis.Instruction99_3,
            RequisitionAuthority.Prosecutor => RequisitionLegalBasis.Preliminary77_1_1,
            RequisitionAuthority.Court => RequisitionLegalBasis.Other,
            _ => Pick<RequisitionLegalBasis>([(RequisitionLegalBasis.Flagrance60_1, 40), (RequisitionLegalBasis.Preliminary77_1_1, 50), (RequisitionLegalBasis.Examination60_77_1, 10)]),
        };
        var service = PickOne(["Urgences", "Urgences", "Urgences", "SAMU-SMUR", "Réanimation", "Psychiatrie adulte", "Chirurgie orthopédique", "Pédiatrie", "Accueil et admissions"]);
        r.Services = [service];
        var patient = NewPatient(service);
        r.Patient = patient.Patient;
        var officer = NewPerson(Chance(0.35));
        var gendarme = r.Authority == RequisitionAuthority.Gendarmerie;
        r.OfficerName = $"{PickOne(gendarme ? GendarmeRanks : PoliceRanks)} {officer.First} {officer.Last}";
        r.OfficerUnit = PickOne(gendarme ? GendarmerieUnits : PoliceUnits);
        r.OfficerContact = $"02 {(gendarme ? 51 : 40)} {Digits(2)} {Digits(2)} {Digits(2)}";
        if (r.Authority is RequisitionAuthority.Prosecutor or RequisitionAuthority.InvestigatingJudge or RequisitionAuthority.Court || Chance(0.3))
        {
            r.MagistrateName = PickOne(Magistrates);
            r.Jurisdiction = PickOne(Jurisdictions);
        }
        r.ProcedureNumber = r.Authority switch
        {
            RequisitionAuthority.Gendarmerie => $"PV n° {_rng.Next(100, 9999):D5}/{_rng.Next(1, 2000):D5}/{_windowStart.Year}",
            RequisitionAuthority.Police => $"{_windowStart.Year}/{_rng.Next(1, 30000):D6}",
            _ => $"Parquet n° {_windowStart.Year % 100:D2}{_rng.Next(0, 366):D3}{_rng.Next(0, 1000000):D6}",
        };
        r.Requester = new Party
        {
            Name = r.OfficerName, Capacity = r.Authority switch
            {
                RequisitionAuthority.Prosecutor => "officier de police judiciaire agissant sur instruction du parquet",
                RequisitionAuthority.InvestigatingJudge => "officier de police judiciaire agissant sur commission rogatoire",
                RequisitionAuthority.Court => "greffe, sur ordonnance du tribunal",
                _ => "officier de police judiciaire",
            },
            Address = r.OfficerUnit, Phone = r.OfficerContact,
        };
        r.DueOn = _windowStart.AddDays(r.LegalBasis == RequisitionLegalBasis.Flagrance60_1 ? _rng.Next(1, 4) : _rng.Next(5, 22));
        // The hospital asked for more time and the authority granted it: the new date, the first one kept (its note is
        // written once the case is placed, with the final dates).
        if (status != CaseStatus.Refused && Chance(0.25))
        {
            Event(CaseEventTypes.DueDateExtended, 0, 1, null);
            (r.InitialDueOn, r.DueOn) = (r.DueOn, r.DueOn.Value.AddDays(_rng.Next(7, 22)));
        }

        var wantMedical = status == CaseStatus.Refused || Chance(0.45);
        var items = DemoTexts.RequisitionItems.Where(i => !i.Medical).OrderBy(_ => _rng.Next()).Take(_rng.Next(1, 3)).ToList();
        if (wantMedical)
            items.AddRange(DemoTexts.RequisitionItems.Where(i => i.Medical).OrderBy(_ => _rng.Next()).Take(_rng.Next(1, 3)));
        r.Items = items.Select(i => new RequisitionItem
        {
            Description = i.Text.Replace("(e)", patient.Person.Woman ? "e" : "", StringComparison.Ordinal),
            Nature = i.Medical ? RequisitionItemNature.Medical : RequisitionItemNature.Administrative,
        }).ToList();
        var context = PickOne(DemoTexts.RequisitionContexts);
        var basis = r.LegalBasis == RequisitionLegalBasis.Other ? "" : $" au titre de l'{r.LegalBasis.Label().LowerFirst()}";
        r.Summary = $"Réquisition{basis} concernant {(patient.Person.Woman ? "une patiente" : "un patient")} pris{(patient.Person.Woman ? "e" : "")} en charge {DemoTexts.In(service)} : {context}.";

        switch (status)
        {
            case CaseStatus.Received:
                if (Chance(0.5))
                    Event(CaseEventTypes.Note, 0, 1, "Réquisition enregistrée et transmise à la direction des affaires juridiques.");
                break;
            case CaseStatus.SecrecyReview:
                r.SecrecyReviewOn = Event(CaseEventTypes.SecrecyReviewed, 0, 2, "Transmise au médecin du DIM pour examen du secret médical.");
                if (Chance(0.5))
                    r.SecrecyReviewBy = PickOne(SecrecyReviewers);
                break;
            case CaseStatus.Answered:
                AnswerRequisition(r);
                break;
            case CaseStatus.Refused:
                RefuseRequisition(r);
                break;
            default:
                AnswerRequisition(r);
                r.ClosedOn = Step(0, 10);
                r.Outcome = "Réponse transmise à l'autorité requérante ; dossier clos.";
                break;
        }
        return r;
    }

    private void ReviewSecrecy(Requisition r)
    {
        r.SecrecyReviewBy = PickOne(SecrecyReviewers);
        r.SecrecyReviewOn = Event(CaseEventTypes.SecrecyReviewed, 0, 4, $"Examen du secret médical par {r.SecrecyReviewBy}.");
    }

    private void AnswerRequisition(Requisition r)
    {
        ReviewSecrecy(r);
        var medical = r.Items.Any(i => i.Nature == RequisitionItemNature.Medical);
        if (medical && Chance(0.5))
        {
            // CPP 56-3: medical content leaves only through a seizure, in the presence of the Ordre's representative.
            r.SeizureOn = Event(CaseEventTypes.RecordSeized, 2, 15, "Saisie du dossier par le magistrat en présence d'un représentant de l'Ordre des médecins.");
            r.SealNumbers = $"Scellés n° {_rng.Next(1, 4)} à {_rng.Next(4, 9)}";
            r.OrdreRepresentative = PickOne(OrdreRepresentatives);
            r.SeizureCopyKept = true;
            foreach (var item in r.Items)
            {
                item.Sent = true;
                item.Secrecy = item.Nature == RequisitionItemNature.Medical ? SecrecyDecision.SeizureRequired : null;
            }
            r.Response = RequisitionResponse.SeizureOrganised;
            EventOn(CaseEventTypes.ItemsSent, r.SeizureOn.Value, "Pièces remises sous scellés lors de la saisie.");
            r.ResponseSentOn = r.SeizureOn;
            return;
        }
        foreach (var item in r.Items)
        {
            item.Sent = item.Nature == RequisitionItemNature.Administrative;
            item.Secrecy = item.Nature == RequisitionItemNature.Medical ? SecrecyDecision.Withheld : null;
        }
        r.Response = medical ? RequisitionResponse.PartlySentAdministrative : RequisitionResponse.Sent;
        r.ResponseSentOn = Event(CaseEventTypes.ItemsSent, 0, Chance(0.15) ? 25 : 4, medical
            ? "Données administratives transmises ; éléments médicaux réservés à une saisie (art. 56-3 du CPP) ou au consentement du patient."
            : "Réponse transmise à l'officier requérant.");
    }

    private void RefuseRequisition(Requisition r)
    {
        ReviewSecrecy(r);
        foreach (var item in r.Items.Where(i => i.Nature == RequisitionItemNature.Medical))
            item.Secrecy = SecrecyDecision.Withheld;
        r.Response = RequisitionResponse.RefusedMedicalSecrecy;
        r.ResponseSentOn = Event(CaseEventTypes.RefusalSent, 0, 4, "Refus motivé : informations couvertes par le secret médical (art. 226-13 du Code pénal, L.1110-4 du CSP).");
        r.ClosedOn = _cursor;
        r.Outcome = "Refus motivé : secret médical.";
    }

    // ---------------------------------------------------------------- people

    private readonly record struct Person(string First, string Last, bool Woman);

    private readonly record struct PatientInfo(Patient Patient, Person Person, int Age);

    private Person NewPerson(bool? woman = null)
    {
        var w = woman ?? Chance(0.52);
        return new Person(PickOne(w ? WomenFirstNames : MenFirstNames), PickOne(LastNames), w);
    }

    private PatientInfo NewPatient(string service, bool minor = false, bool adult = false)
    {
        var range = Services.First(s => s.Name == service);
        var (min, max) = (range.MinAge, range.MaxAge);
        if (minor)
            (min, max) = min > 17 ? (0, 17) : (min, Math.Min(max, 17));
        else if (adult)
            (min, max) = max < 18 ? (18, 90) : (Math.Max(min, 18), max);
        var woman = service is "Maternité" or "Gynécologie-obstétrique" ? min >= 18 || Chance(0.5) : Chance(0.52);
        var person = NewPerson(woman);
        var age = _rng.Next(min, max + 1);
        var birth = _windowStart.AddYears(-age).AddDays(-_rng.Next(1, 365));
        var patient = new Patient
        {
            LastName = person.Last, FirstName = person.First, BirthDate = birth,
            PatientNumber = Chance(0.85) ? "7" + Digits(8) : null,
        };
        patient.SearchName = TextSearch.Normalize($"{patient.LastName} {patient.FirstName}");
        return new PatientInfo(patient, person, age);
    }

    private (Person Person, string Capacity) Relative(Person patient, string relation)
    {
        var woman = relation == "spouse" ? !patient.Woman || Chance(0.05) : Chance(0.55);
        var sameName = relation is "parent" or "sibling" || (relation == "child" && Chance(0.75)) || (relation == "spouse" && Chance(0.7));
        var first = PickOne(woman ? WomenFirstNames : MenFirstNames);
        var person = new Person(first, sameName ? patient.Last : PickOne(LastNames), woman);
        return (person, RelativeCapacity(relation, woman, patient.Woman));
    }

    private static string WhoFor(string relation, bool patientIsWoman) => relation switch
    {
        "child" => patientIsWoman ? "sa mère" : "son père",
        "spouse" => patientIsWoman ? "son épouse" : "son époux",
        "partner" => patientIsWoman ? "sa compagne" : "son compagnon",
        "parent" => patientIsWoman ? "sa fille" : "son fils",
        "sibling" => patientIsWoman ? "sa sœur" : "son frère",
        "grandchild" => patientIsWoman ? "sa grand-mère" : "son grand-père",
        _ => patientIsWoman ? "la patiente" : "le patient",
    };

    private Party PartyFor(Person person, string capacity)
    {
        var town = PickOne(Towns);
        var party = new Party
        {
            Name = $"{person.First} {person.Last}",
            Capacity = capacity,
            Address = Chance(0.85) ? $"{_rng.Next(1, 120)} {PickOne(Streets)}, {town.PostCode} {town.Town}" : null,
            Email = Chance(0.6) ? $"{Slug(person.First)}.{Slug(person.Last)}@{PickOne(MailDomains)}" : null,
            Phone = Chance(0.7) ? (Chance(0.7) ? $"0{_rng.Next(6, 8)} {Digits(2)} {Digits(2)} {Digits(2)} {Digits(2)}" : $"02 {_rng.Next(28, 52)} {Digits(2)} {Digits(2)} {Digits(2)}") : null,
        };
        return party;
    }

    private static string Slug(string text)
    {
        var normalized = TextSearch.Normalize(text);
        var chars = normalized.Where(ch => ch is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or ' ').Select(ch => ch == ' ' ? '-' : ch);
        return new string(chars.ToArray());
    }

    private static string Fill(string template, string who, string service, bool patientIsWoman)
    {
        var text = template
            .Replace("{who}", who, StringComparison.Ordinal)
            .Replace("{in}", DemoTexts.In(service), StringComparison.Ordinal)
            .Replace("(e)", patientIsWoman ? "e" : "", StringComparison.Ordinal)
            // French contractions once {who} is "le patient": "de le" → "du", "à le" → "au".
            .Replace(" de le ", " du ", StringComparison.Ordinal)
            .Replace(" à le ", " au ", StringComparison.Ordinal);
        return char.ToUpper(text[0], Fr) + text[1..];
    }

    private string FillNumbers(string text) => text
        .Replace("{h}", _rng.Next(5, 14).ToString(Fr), StringComparison.Ordinal)
        .Replace("{w}", _rng.Next(6, 30).ToString(Fr), StringComparison.Ordinal)
        .Replace("{amount}", _rng.Next(40, 900).ToString(Fr), StringComparison.Ordinal);

    private static readonly Dictionary<CaseKind, (CaseStatus, int)[]> StatusDraws =
        StatusWeights.ToDictionary(k => k.Key, k => k.Value.Select(p => (p.Key, p.Value)).ToArray());

    private static readonly (string, int)[] AdultClinicalWeights = Services
        .Where(s => DemoTexts.IsClinical(s.Name) && s.MaxAge >= 18).Select(s => (s.Name, s.Weight)).ToArray();

    private static readonly (string, int)[] WardWeights = Services
        .Where(s => DemoTexts.IsWard(s.Name)).Select(s => (s.Name, s.Weight)).ToArray();

    private static readonly (string, int)[] ClinicalWeights = Services
        .Where(s => DemoTexts.IsClinical(s.Name)).Select(s => (s.Name, s.Weight)).ToArray();

    /// <summary>Departments a case usually names besides the main one: the patient came through them.</summary>
    private static readonly (string, int)[] LinkedServices =
        [("Urgences", 6), ("Imagerie médicale", 2), ("Réanimation", 1), ("Anesthésie", 1), ("Laboratoire", 1), ("Accueil et admissions", 1)];

    private string PickClinicalService(bool adult) => Pick(adult ? AdultClinicalWeights : ClinicalWeights);

    private List<string> ServicesWith(string service)
    {
        if (!Chance(0.15))
            return [service];
        var other = Pick(LinkedServices);
        return other == service ? [service] : [service, other];
    }

    // ---------------------------------------------------------------- timeline

    /// <summary>Moves the cursor by a random number of days and returns the new date.</summary>
    private DateOnly Step(int minDays, int maxDays)
    {
        _cursor = _cursor.AddDays(_rng.Next(minDays, maxDays + 1));
        return _cursor;
    }

    private DateOnly Event(string type, int minDays, int maxDays, string? note)
    {
        var on = Step(minDays, maxDays);
        EventOn(type, on, note);
        return on;
    }

    private void EventOn(string type, DateOnly on, string? note) =>
        _events.Add(new CaseEvent { Type = type, OccurredOn = on, Note = note is null ? null : FillNumbers(note) });

    private static DateOnly LastEventDate(CaseFile file) => file.Events.Count == 0 ? file.ReceivedOn : file.Events.Max(e => e.OccurredOn);

    /// <summary>
    /// Moves the case (built from <see cref="_windowStart"/>) to its receipt date: closed cases anywhere in the window,
    /// open cases recent, a quarter of them left lying long enough to be late. Everything stays between receipt and today.
    /// </summary>
    private void Place(CaseFile file)
    {
        // The cursor is the furthest fact date reached while building (some facts have no event, e.g. a consent date).
        var last = Max(Max(LastEventDate(file), file.ClosedOn ?? file.ReceivedOn), _cursor);
        var span = last.DayNumber - file.ReceivedOn.DayNumber;
        var latest = _today.DayNumber - span;
        int target;
        if (file.Status.IsFinal())
        {
            target = _rng.Next(Math.Min(_windowStart.DayNumber, latest), latest + 1);
        }
        else
        {
            // The first received case of each kind is always left lying: every demo queue holds cases the office is late on.
            var late = Chance(0.25) | (file.Status == CaseStatus.Received && _lateShown.Add(file.Kind));
            var slack = late ? _rng.Next(20, 150) : _rng.Next(0, file.Kind == CaseKind.Requisition ? 2 : 8);
            target = Math.Max(latest - slack, Math.Min(_windowStart.DayNumber, latest));
        }
        var day = DateOnly.FromDayNumber(target);
        if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            day = day.AddDays(day.DayOfWeek == DayOfWeek.Saturday ? -1 : -2);
        Shift(file, day.DayNumber - file.ReceivedOn.DayNumber);
    }

    private static void Shift(CaseFile file, int days)
    {
        if (days == 0)
            return;
        foreach (var p in DatePropertiesOf(file.GetType()))
        {
            switch (p.GetValue(file))
            {
                case DateOnly d:
                    p.SetValue(file, d.AddDays(days));
                    break;
            }
        }
        file.Patient.BirthDate = file.Patient.BirthDate?.AddDays(days);
        file.Patient.DeathDate = file.Patient.DeathDate?.AddDays(days);
        foreach (var e in file.Events)
            e.OccurredOn = e.OccurredOn.AddDays(days);
    }

    private static PropertyInfo[] DatePropertiesOf(Type type)
    {
        lock (DateProperties)
        {
            if (!DateProperties.TryGetValue(type, out var properties))
            {
                properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Where(p => p.CanWrite && (p.PropertyType == typeof(DateOnly) || p.PropertyType == typeof(DateOnly?)))
                    .ToArray();
                DateProperties[type] = properties;
            }
            return properties;
        }
    }

    /// <summary>Who and when: typed in on the day of receipt by the demo user, assigned to a demo officer, events in order.</summary>
    private void Stamp(CaseFile file)
    {
        file.Events = file.Events.Select((e, i) => (e, i)).OrderBy(x => x.e.OccurredOn).ThenBy(x => x.i).Select(x => x.e).ToList();
        var nowUtc = _now.UtcDateTime;
        var previous = DateTime.MinValue;
        foreach (var e in file.Events)
        {
            var at = ParisToUtc(e.OccurredOn, _rng.Next(8 * 60 + 30, 17 * 60 + 30));
            if (at <= previous)
                at = previous.AddMinutes(_rng.Next(1, 20));
            if (at > nowUtc)
                at = previous < nowUtc.AddMinutes(-1) ? nowUtc.AddMinutes(-1) : previous.AddSeconds(1);
            e.RecordedAtUtc = at;
            e.RecordedBy = DemoUser;
            previous = at;
        }
        file.CreatedAtUtc = file.Events[0].RecordedAtUtc;
        file.CreatedBy = DemoUser;
        var updated = file.ClosedOn is { } closed ? ParisToUtc(closed, _rng.Next(9 * 60, 18 * 60)) : previous;
        file.UpdatedAtUtc = updated < previous ? previous : updated > nowUtc ? previous : updated;
        file.UpdatedBy = DemoUser;
        file.AssignedTo = file.Status == CaseStatus.Received && Chance(0.5) ? null
            : file.Kind is CaseKind.IndemnityClaim or CaseKind.Requisition
                ? Pick<string?>([(OfficerUser, 40), (ManagerUser, 55), (null, 5)])
                : Pick<string?>([(OfficerUser, 70), (ManagerUser, 25), (null, 5)]);
        file.Requester.SearchName = TextSearch.Normalize(file.Requester.Name);
        file.Patient.SearchName = TextSearch.Normalize($"{file.Patient.LastName} {file.Patient.FirstName}");
    }

    private DateTime ParisToUtc(DateOnly day, int minutes)
    {
        if (!_parisOffsets.TryGetValue(day, out var offset))
        {
            offset = ParisCalendar.Zone.GetUtcOffset(day.ToDateTime(new TimeOnly(12, 0)));
            _parisOffsets[day] = offset;
        }
        return DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue).AddMinutes(minutes) - offset, DateTimeKind.Utc);
    }

    // ---------------------------------------------------------------- randomness

    private bool Chance(double p) => _rng.NextDouble() < p;

    private T PickOne<T>(IReadOnlyList<T> items) => items[_rng.Next(items.Count)];

    private T Pick<T>((T Value, int Weight)[] weighted)
    {
        var total = 0;
        foreach (var (_, w) in weighted)
            total += w;
        var roll = _rng.Next(total);
        foreach (var (value, w) in weighted)
        {
            if (roll < w)
                return value;
            roll -= w;
        }
        return weighted[^1].Value;
    }

    private List<ProofKind> SomeOf(IReadOnlyList<ProofKind> required) =>
        required.Take(_rng.Next(0, required.Count)).ToList();

    private string Digits(int n)
    {
        Span<char> chars = stackalloc char[n];
        for (var i = 0; i < n; i++)
            chars[i] = (char)('0' + _rng.Next(10));
        return new string(chars);
    }

    private static string Euros(long cents) => (cents / 100m).ToString(cents % 100 == 0 ? "N0" : "N2", Fr) + " €";

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    /// <summary>A version-7 GUID whose time part is <paramref name="atUtc"/> and whose random part comes from the seeded generator.</summary>
    private Guid NewId(DateTime atUtc)
    {
        Span<byte> bytes = stackalloc byte[16];
        _rng.NextBytes(bytes);
        var ms = new DateTimeOffset(atUtc, TimeSpan.Zero).ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++)
            bytes[i] = (byte)(ms >> (8 * (5 - i)));
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x70);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    private Guid NewRandomGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _rng.NextBytes(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>A clock stopped at one instant, to read "today" in Paris.</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

internal static class DemoStrings
{
    /// <summary>"Envoi en recommandé avec AR" → "envoi en recommandé avec AR": only the first letter, acronyms stay.</summary>
    public static string LowerFirst(this string text) =>
        text.Length == 0 ? text : char.ToLower(text[0], CultureInfo.GetCultureInfo("fr-FR")) + text[1..];
}
