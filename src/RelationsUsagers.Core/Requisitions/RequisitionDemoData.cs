using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Claims;
using static RelationsUsagers.Core.Data.DemoSeed.DemoVocabulary;

namespace RelationsUsagers.Core.Requisitions;

/// <summary>
/// What the demo's requisitions hold besides the generated facts: each medical decision with its reviewer, date and
/// reason, a complete CPP 56-3 seizure record on every seized one, two hearings, and the insurer's legal cell asked on a
/// claim before the court and on a requisition. Applied to the generated batch, deterministically, without drawing from
/// the generator's random sequence (the demo cases other tests rely on stay the same): choices follow the cases' order,
/// event identifiers come from a Random of their own.
/// </summary>
internal static class RequisitionDemoData
{
    private const string DemoUser = Data.DemoSeed.DemoCaseGenerator.DemoUser;

    public static void Complete(IReadOnlyList<CaseFile> cases, DateOnly today, DateTimeOffset now)
    {
        var ids = new Random(Data.DemoSeed.DemoCaseGenerator.Seed + 563);
        var requisitions = cases.OfType<Requisition>().ToList();
        for (var i = 0; i < requisitions.Count; i++)
        {
            var r = requisitions[i];
            ReviewItems(r, i);
            if (r.SeizureOn is { } seized)
                CompleteSeizure(r, seized, i);
        }

        // Hearings: a staff member on the first answered requisition, a patient on a closed one heard before its answer.
        var answered = requisitions.FirstOrDefault(r => r.Status == CaseStatus.Answered && r.ResponseSentOn is not null);
        if (answered is not null)
            AddEvent(answered, CaseEventTypes.Hearing, answered.ResponseSentOn!.Value,
                $"{HearingLabel} : Mme Sandrine Le Goff, infirmière {Data.DemoSeed.DemoTexts.In(answered.Services.FirstOrDefault() ?? "Urgences")}, entendue comme témoin",
                now, ids);
        var closed = requisitions.FirstOrDefault(r => r.Status == CaseStatus.Closed && r.ResponseSentOn is { } sent && r.ClosedOn > sent && sent > r.ReceivedOn);
        if (closed is not null)
        {
            AddEvent(closed, CaseEventTypes.Hearing, closed.ResponseSentOn!.Value.AddDays(-1),
                $"{HearingLabel} : {closed.Patient.FullName}, en qualité de victime (patient de l'établissement)", now, ids);
            // A complex case: the insurer's lawyers asked whether the hospital's liability is at stake.
            AddEvent(closed, CaseEventTypes.LegalCellReferred, closed.ResponseSentOn!.Value.AddDays(-1),
                "Question posée : la responsabilité de l'établissement peut-elle être recherchée au vu de la procédure ?", now, ids);
            AddEvent(closed, CaseEventTypes.LegalCellAnswered, closed.ResponseSentOn!.Value,
                "Position de la cellule juridique : pas de mise en cause de l'établissement à ce stade ; répondre dans les limites du secret médical.", now, ids);
        }

        // A claim before the administrative court, old enough: the insurer's legal cell asked, and its answer.
        var claim = cases.OfType<IndemnityClaim>().FirstOrDefault(c => c.Status == CaseStatus.Litigation && LastEvent(c) <= today.AddDays(-30));
        if (claim is not null)
        {
            var referred = LastEvent(claim).AddDays(3);
            AddEvent(claim, CaseEventTypes.LegalCellReferred, referred,
                "Question posée : opportunité d'une transaction avant l'audience, au vu du rapport d'expertise.", now, ids);
            AddEvent(claim, CaseEventTypes.LegalCellAnswered, referred.AddDays(12),
                "Position de la cellule juridique : défendre au fond ; l'avocat de l'assureur dépose un mémoire en réponse.", now, ids);
        }
    }

    private static readonly string HearingLabel = CaseKinds.Of(CaseKind.Requisition).Step(RequisitionKind.HearingStep)!.TextLabel!;

    private static DateOnly LastEvent(CaseFile file) => file.Events.Max(e => e.OccurredOn);

    /// <summary>Each decided medical item: its reviewer (the one named at the review), the review's date and the reason of its decision.</summary>
    private static void ReviewItems(Requisition r, int index)
    {
        var reviewedOn = r.SecrecyReviewOn ?? r.Events.Where(e => e.Type == CaseEventTypes.SecrecyReviewed).Select(e => (DateOnly?)e.OccurredOn).Max() ?? r.ReceivedOn;
        foreach (var item in r.Items.Where(i => i.Nature == RequisitionItemNature.Medical && i.Secrecy is not null))
        {
            item.ReviewedBy ??= r.SecrecyReviewBy ?? SecrecyReviewers[index % SecrecyReviewers.Length];
            item.ReviewedOn ??= reviewedOn;
            item.SecrecyReason ??= item.Secrecy switch
            {
                SecrecyDecision.Withheld => "Pas de consentement du patient ; contenu couvert par le secret médical.",
                SecrecyDecision.SeizureRequired => "Contenu médical : remis au magistrat lors d'une saisie en présence d'un représentant de l'Ordre.",
                _ => "Consentement écrit du patient joint au dossier.",
            };
        }
    }

    /// <summary>The seizure as it happened (CPP 56-3): who came, who was there, the service told two days before, what was seized.</summary>
    private static void CompleteSeizure(Requisition r, DateOnly seized, int index)
    {
        var service = r.Services.FirstOrDefault() ?? "Urgences";
        r.SeizurePlannedOn ??= seized;
        r.SeizurePlace ??= $"Secrétariat médical du service, {service}";
        r.SeizureMagistrate ??= r.MagistrateName ?? Magistrates[2 + index % 2];
        r.SeizureJurisdiction ??= r.Jurisdiction ?? Jurisdictions[index % Jurisdictions.Length];
        r.SeizureOfficer ??= r.OfficerName;
        r.OrdreRepresentative ??= OrdreRepresentatives[index % OrdreRepresentatives.Length];
        r.HeadOfDepartmentPresent ??= index % 2 == 0 ? "Dr Hélène Quéméner, cheffe de service" : "Pr Olivier Ragot, chef de service";
        if (r.ServicesTold.Count == 0)
        {
            var told = seized.AddDays(-2) < r.ReceivedOn ? r.ReceivedOn : seized.AddDays(-2);
            r.ServicesTold = [new SeizureNotice { Service = service, Person = "Cadre de santé du service", ToldOn = told }];
        }
        r.SeizedItems ??= string.Join(" ; ", r.Items.Where(i => i.Nature == RequisitionItemNature.Medical).Select(i => i.Description));
        r.SeizureCopyKept ??= true;
        r.SeizureMinutesReceived ??= true;
    }

    /// <summary>An event recorded by the demo user in the afternoon of its day (never after now), kept in the timeline's order.</summary>
    private static void AddEvent(CaseFile file, string type, DateOnly on, string note, DateTimeOffset now, Random ids)
    {
        var local = on.ToDateTime(new TimeOnly(16, 0));
        var at = DateTime.SpecifyKind(local - ParisCalendar.Zone.GetUtcOffset(local), DateTimeKind.Utc);
        if (at > now.UtcDateTime)
            at = now.UtcDateTime.AddMinutes(-5);
        var bytes = new byte[16];
        ids.NextBytes(bytes);
        var ms = new DateTimeOffset(at, TimeSpan.Zero).ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++)
            bytes[i] = (byte)(ms >> (8 * (5 - i)));
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x70);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        file.Events.Add(new CaseEvent
        {
            Id = new Guid(bytes, bigEndian: true), CaseFileId = file.Id, Type = type, OccurredOn = on, Note = note, RecordedAtUtc = at, RecordedBy = DemoUser,
        });
        file.Events = [.. file.Events.OrderBy(e => e.OccurredOn).ThenBy(e => e.RecordedAtUtc)];
    }
}
