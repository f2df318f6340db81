using System.Globalization;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Clock;

namespace RelationsUsagers.Core.AccessRequests.Tracking;

/// <summary>Turns an access request into its dashboard line; every date comes from the <see cref="LegalClock"/>.</summary>
public static class AccessRequestDashboard
{
    public static AccessRequestDashboardRow Build(AccessRequest r, IReadOnlyList<ClockSuspension> suspensions, LegalClock clock,
        OnTimeFrom onTimeFrom, DateOnly today)
    {
        var deadlines = clock.Compute(r, suspensions, today);
        var floor = deadlines.First(d => d.IsFloor);
        var legal = deadlines.First(d => d.Code is DelaySettings.Access8Days or DelaySettings.Access2Months && !d.FromCompleteRequest);
        // Office practice: from the complete request by default (the law: receipt, R.1111-1 al.4); from receipt while incomplete or with a CDSP referral (R.1111-5).
        var chosen = onTimeFrom == OnTimeFrom.CompleteRequest
            ? deadlines.FirstOrDefault(d => !d.IsFloor && d.FromCompleteRequest) ?? legal
            : legal;
        var setting = clock.Setting(legal.Code);
        // The copy itself, not a closing date: a refused request was never "sent on time".
        var sent = CaseFacts.FirstFrom(r, r.ReceivedOn, r.SentOn, CaseEventTypes.CopySent, CaseEventTypes.OnSiteConsultation);
        // R.1111-2: an on-site consultation offered meets the delay on the day it was offered, whenever the requester comes.
        var met = CaseFacts.Min(sent, CaseFacts.FirstFrom(r, r.ReceivedOn, r.OnSiteOfferedOn, CaseEventTypes.OnSiteOffered));
        var completed = CaseFacts.Latest(r, r.CompletedOn, CaseEventTypes.ProofsComplete);
        return new AccessRequestDashboardRow
        {
            Id = r.Id,
            Reference = r.Reference,
            ReceivedOn = r.ReceivedOn,
            CompletedOn = completed,
            Patient = r.Patient.FullName,
            PatientNumber = r.Patient.PatientNumber,
            BirthDate = r.Patient.BirthDate,
            Channel = r.Channel,
            Requester = r.Requester.Name,
            Capacity = r.RequesterCapacity,
            Services = string.Join(", ", r.Services),
            OlderThanFiveYears = r.InformationOlderThanFiveYears,
            TwoMonths = setting.Code == DelaySettings.Access2Months,
            LegalDelay = DurationLabel(setting),
            StartOn = chosen.StartOn,
            StartsFromCompleteRequest = chosen.FromCompleteRequest,
            DueOn = chosen.DueOn,
            LegalDueOn = legal.DueOn,
            Mode = r.CommunicationMode,
            PageCount = r.PageCount,
            Medium = r.Medium,
            SentOn = sent,
            RecordedDeliveryNumber = r.RecordedDeliveryNumber,
            AcknowledgedOn = CaseFacts.FirstFrom(r, r.ReceivedOn, r.DeliveryAcknowledgedOn, CaseEventTypes.DeliveryAcknowledged),
            EffectiveDelayDays = met is { } m ? m.DayNumber - chosen.StartOn.DayNumber : null,
            OnTime = met is { } on ? on <= chosen.DueOn : null,
            // L.1111-7 al.2: flagged when the copy left before the 48 h had elapsed (the clock's floor).
            BeforeReflectionDelay = sent is null ? null : floor.Warning is not null,
            Fees = r.ReproductionFeeCents is null && r.PostageFeeCents is null
                ? null
                : ((r.ReproductionFeeCents ?? 0) + (r.PostageFeeCents ?? 0)) / 100m,
            PaidOn = r.PaidOn,
            Status = r.Status,
            Remarks = Remarks(r),
            IsOverdue = r.IsOpen && met is null && chosen.State == DeadlineState.Overdue,
        };
    }

    /// <summary>"8 jours", "2 mois": the duration of the setting in force.</summary>
    public static string DurationLabel(DelaySetting setting) => setting.Unit switch
    {
        DelayUnit.Days when setting.Duration == 1 => "1 jour",
        DelayUnit.Hours when setting.Duration == 1 => "1 heure",
        DelayUnit.Years when setting.Duration == 1 => "1 an",
        _ => $"{setting.Duration} {setting.Unit.Label()}",
    };

    /// <summary>Remarks, reasoned refusal (R.1111-7), CDSP referral (R.1111-5), objections and the designated doctor, in one cell.</summary>
    private static string Remarks(AccessRequest r)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(r.Remarks))
            parts.Add(r.Remarks.Trim());
        if (!string.IsNullOrWhiteSpace(r.RefusalReason))
            parts.Add($"Refus : {r.RefusalReason.Trim()}");
        if (r.OnSiteOfferedOn is { } offered)
            parts.Add($"Consultation sur place proposée le {offered.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}");
        if (r.CdspReferredOn is { } cdsp)
            parts.Add($"CDSP saisie le {cdsp.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}");
        if (r.DeceasedMotive is { } motive)
            parts.Add($"Patient décédé, motif : {motive.Label()}");
        if (r.ObjectionBeforeDeath)
            parts.Add("Opposition du patient de son vivant");
        if (r.MinorObjection)
            parts.Add("Opposition du mineur");
        if (!string.IsNullOrWhiteSpace(r.DesignatedDoctor))
            parts.Add($"Médecin désigné : {r.DesignatedDoctor.Trim()}");
        return string.Join(" ; ", parts);
    }
}
