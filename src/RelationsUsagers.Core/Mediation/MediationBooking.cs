using RelationsUsagers.Core.Cdu;
using RelationsUsagers.Core.Complaints;

namespace RelationsUsagers.Core.Mediation;

/// <summary>What the officer asks when booking or moving a meeting.</summary>
public sealed record AppointmentRequest(DateOnly Date, TimeOnly StartTime, int DurationMinutes, string Place, IReadOnlyList<Guid> MediatorIds)
{
    public bool ComplainantInvited { get; init; } = true;
    public string? Relatives { get; init; }
    public string? AccompanyingRepresentative { get; init; }
    public string? Professionals { get; init; }
    public string? LateReason { get; init; }
}

/// <summary>
/// The booking rules of a mediation meeting, pure: in the future, no mediator or room booked twice at once, and a reason
/// when the meeting is later than 8 days after the referral (R.1112-93) or after the patient's planned discharge.
/// </summary>
public static class MediationBooking
{
    public const int MeetingDays = 8;

    /// <summary>Every reason the request is refused, in French; empty when it may be booked.</summary>
    public static IReadOnlyList<string> Problems(AppointmentRequest request, DateTime parisNow, Complaint complaint, DateOnly? referredOn,
        IReadOnlyList<CduMember> mediators, IEnumerable<MediationAppointment> planned, Guid? movedId = null)
    {
        var problems = new List<string>();
        var start = request.Date.ToDateTime(request.StartTime);
        var end = start.AddMinutes(request.DurationMinutes);
        if (start <= parisNow)
            problems.Add("La rencontre doit être fixée dans le futur.");
        if (request.DurationMinutes is < 15 or > 480)
            problems.Add("La durée de la rencontre doit être comprise entre 15 minutes et 8 heures.");
        if (string.IsNullOrWhiteSpace(request.Place))
            problems.Add("Le lieu de la rencontre est obligatoire.");
        if (request.MediatorIds.Count == 0)
            problems.Add("Choisissez au moins un médiateur.");
        foreach (var id in request.MediatorIds.Where(id => mediators.All(m => m.Id != id || !m.IsMediator || !m.Active)))
            problems.Add("Un médiateur choisi n'est pas (ou plus) médiateur de la commission des usagers.");
        var others = planned.Where(a => a.Id != movedId && a.Status == MediationAppointmentStatus.Planned && a.Overlaps(start, end)).ToList();
        foreach (var mediator in mediators.Where(m => request.MediatorIds.Contains(m.Id)))
            if (others.FirstOrDefault(a => a.MediatorIds.Contains(mediator.Id)) is { } busy)
                problems.Add($"{mediator.FullName} a déjà une rencontre le {busy.Date:dd/MM/yyyy} de {busy.StartTime:HH\\:mm} à {busy.EndsAt:HH\\:mm}.");
        if (!string.IsNullOrWhiteSpace(request.Place)
            && others.FirstOrDefault(a => string.Equals(a.Place.Trim(), request.Place.Trim(), StringComparison.OrdinalIgnoreCase)) is { } taken)
            problems.Add($"Le lieu « {request.Place.Trim()} » est déjà réservé le {taken.Date:dd/MM/yyyy} de {taken.StartTime:HH\\:mm} à {taken.EndsAt:HH\\:mm}.");
        if (string.IsNullOrWhiteSpace(request.LateReason))
            problems.AddRange(Lateness(request.Date, complaint, referredOn));
        return problems;
    }

    /// <summary>Why a meeting on <paramref name="date"/> needs a reason: after the 8 days of R.1112-93, or after the planned discharge.</summary>
    public static IEnumerable<string> Lateness(DateOnly date, Complaint complaint, DateOnly? referredOn)
    {
        if (referredOn is { } referred && date > referred.AddDays(MeetingDays))
            yield return $"La rencontre est fixée plus de {MeetingDays} jours après la saisine du médiateur du {referred:dd/MM/yyyy} " +
                         $"(au plus tard le {referred.AddDays(MeetingDays):dd/MM/yyyy}, CSP art. R.1112-93) : indiquez-en la raison.";
        if (complaint.PatientHospitalised && complaint.PlannedDischargeOn is { } discharge && date > discharge)
            yield return $"La rencontre est fixée après la sortie prévue du patient le {discharge:dd/MM/yyyy} (CSP art. R.1112-93 : " +
                         "si possible avant sa sortie) : indiquez-en la raison.";
    }

    /// <summary>
    /// The mediators to propose for the complaint: the full mediator of each type the mediation needs, or his deputy when
    /// the complaint names the full one's own department (R.1112-87); each with why, when a deputy is proposed.
    /// </summary>
    public static IReadOnlyList<(CduMember Mediator, string? Substitution)> Propose(Complaint complaint, IReadOnlyList<CduMember> members)
    {
        var categories = complaint.MediationType switch
        {
            MediationType.Medical => [CduCategory.MedicalMediator],
            MediationType.NonMedical => [CduCategory.NonMedicalMediator],
            _ => new[] { CduCategory.MedicalMediator, CduCategory.NonMedicalMediator },
        };
        var proposals = new List<(CduMember, string?)>();
        foreach (var category in categories)
        {
            var active = members.Where(m => m.Active && m.Category == category).ToList();
            var full = active.FirstOrDefault(m => !m.IsDeputy);
            var deputy = active.FirstOrDefault(m => m.IsDeputy);
            if (full is not null && !Concerned(full, complaint))
                proposals.Add((full, null));
            else if (deputy is not null && !Concerned(deputy, complaint))
                proposals.Add((deputy, full is null ? null
                    : $"{full.FullName} exerce dans le service mis en cause ({full.Department}) : son suppléant le remplace (CSP art. R.1112-87)."));
        }
        return proposals;
    }

    /// <summary>R.1112-87: a member concerned by the complaint (it names his department) may not sit on it.</summary>
    public static bool Concerned(CduMember member, Complaint complaint) =>
        !string.IsNullOrWhiteSpace(member.Department)
        && complaint.Services.Any(s => string.Equals(s.Trim(), member.Department.Trim(), StringComparison.OrdinalIgnoreCase));
}
