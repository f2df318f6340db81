namespace RelationsUsagers.Core.Cdu;

/// <summary>
/// A member of the users' committee (CDU) and his mandate: CSP R.1112-81 (composition), R.1112-81-1 (president and
/// vice-president), R.1112-82 (mediators), R.1112-83 (patient representatives).
/// </summary>
public sealed class CduMember
{
    /// <summary>Mediators and patient representatives: 3-year terms, renewable (CSP R.1112-84).</summary>
    public const int MandateYears = 3;
    /// <summary>R.1112-81-1: the president's and the vice-president's terms are renewable twice.</summary>
    public const int MaxOfficeRenewals = 2;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string FullName { get; set; } = "";
    public CduCategory Category { get; set; } = CduCategory.PatientRepresentative;
    /// <summary>Deputy (suppléant) rather than full member (titulaire).</summary>
    public bool IsDeputy { get; set; }
    /// <summary>Mediators: the department they work in (R.1112-82: the medical mediator and his deputy differ).</summary>
    public string? Department { get; set; }
    /// <summary>Patient representatives: the approved association that proposed them (R.1112-83, L.1114-1).</summary>
    public string? Association { get; set; }
    public DateOnly MandateStart { get; set; }
    /// <summary>Start + <see cref="MandateYears"/> years unless typed otherwise (see <see cref="DefaultMandateEnd"/>).</summary>
    public DateOnly MandateEnd { get; set; }
    public int Renewals { get; set; }
    public CduOffice Office { get; set; } = CduOffice.None;
    /// <summary>Renewals of the president's or vice-president's term (R.1112-81-1: two at most).</summary>
    public int OfficeRenewals { get; set; }
    /// <summary>The portal account when the member signs in (role CduMember or Mediator).</summary>
    public string? UserName { get; set; }
    public string? Email { get; set; }
    public bool Active { get; set; } = true;

    public static DateOnly DefaultMandateEnd(DateOnly start) => start.AddYears(MandateYears);

    /// <summary>R.1112-81 I: 1° legal representative, 2° mediators, 3° patient representatives; null for optional members (II).</summary>
    public int? LegalCategory => Category.LegalCategory();

    public bool IsMediator => Category is CduCategory.MedicalMediator or CduCategory.NonMedicalMediator;
}

/// <summary>R.1112-81 I (1° to 3°) and the optional members of R.1112-81 II set by the internal rules.</summary>
public enum CduCategory
{
    LegalRepresentative = 1,
    MedicalMediator = 2,
    NonMedicalMediator = 3,
    PatientRepresentative = 4,
    CmePresident = 5,
    NursingCommission = 6,
    StaffRepresentative = 7,
    SupervisoryBoard = 8,
    /// <summary>The quality officer attends in an advisory capacity (CSP R.1112-88).</summary>
    QualityOfficer = 9,
}

/// <summary>R.1112-81-1: the president and the vice-president are elected among the members of categories 1° to 3°.</summary>
public enum CduOffice { None = 0, President = 1, VicePresident = 2 }

/// <summary>A member whose mandate ends soon or has ended (CSP R.1112-84; the office is alerted 3 to 6 months before the end of a term).</summary>
public sealed record MandateAlert(Guid MemberId, string FullName, DateOnly MandateEnd, bool Expired, string Message);

public static class CduMandates
{
    /// <summary>Full seats of R.1112-81 I: one legal representative, one mediator of each kind, two patient representatives.</summary>
    public static int? Seats(CduCategory category) => category switch
    {
        CduCategory.LegalRepresentative => 1,
        CduCategory.MedicalMediator or CduCategory.NonMedicalMediator => 1,
        CduCategory.PatientRepresentative => 2,
        _ => null,
    };

    /// <summary>Active members whose mandate ends within <paramref name="monthsAhead"/> months of <paramref name="today"/> or has ended, soonest first.</summary>
    public static IReadOnlyList<MandateAlert> MandateAlerts(IEnumerable<CduMember> members, DateOnly today, int monthsAhead = 6)
    {
        var horizon = today.AddMonths(monthsAhead);
        return members.Where(m => m.Active && m.MandateEnd <= horizon)
            .OrderBy(m => m.MandateEnd).ThenBy(m => m.FullName, StringComparer.Ordinal)
            .Select(m => m.MandateEnd < today
                ? new MandateAlert(m.Id, m.FullName, m.MandateEnd, true,
                    $"Le mandat de {m.FullName} ({CduText.LowerFirst(m.RoleLabel())}) a pris fin le {CduText.Date(m.MandateEnd)} : " +
                    "renouvellement ou remplacement à prévoir.")
                : new MandateAlert(m.Id, m.FullName, m.MandateEnd, false,
                    $"Le mandat de {m.FullName} ({CduText.LowerFirst(m.RoleLabel())}) se termine le {CduText.Date(m.MandateEnd)}, " +
                    $"dans {m.MandateEnd.DayNumber - today.DayNumber} jours : préparer le renouvellement."))
            .ToList();
    }

    /// <summary>Full and deputy seats of R.1112-81 I left empty among the active members ("1 siège de représentant(e) des usagers suppléant(e) vacant").</summary>
    public static IReadOnlyList<string> VacantSeats(IEnumerable<CduMember> members)
    {
        var active = members.Where(m => m.Active).ToList();
        var vacant = new List<string>();
        foreach (var category in Enum.GetValues<CduCategory>())
        {
            if (Seats(category) is not { } seats)
                continue;
            foreach (var deputy in category == CduCategory.LegalRepresentative ? [false] : new[] { false, true })
            {
                var missing = seats - active.Count(m => m.Category == category && m.IsDeputy == deputy);
                if (missing > 0)
                    vacant.Add($"{CduText.Count(missing, "siège")} de {CduText.LowerFirst(category.Label())} {CduLabels.SeatLabel(deputy)} vacant{(missing > 1 ? "s" : "")}");
            }
        }
        return vacant;
    }
}
