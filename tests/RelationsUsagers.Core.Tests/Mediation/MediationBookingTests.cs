using RelationsUsagers.Core.Cdu;
using RelationsUsagers.Core.Complaints;
using RelationsUsagers.Core.Mediation;

namespace RelationsUsagers.Core.Tests.Mediation;

/// <summary>Booking a mediation meeting: in the future, no double booking, 8 days after the referral or a reason (R.1112-93), deputy on a conflict (R.1112-87).</summary>
public class MediationBookingTests
{
    /// <summary>15 March 2026, 11:00 in Paris.</summary>
    private static readonly DateTime Now = new(2026, 3, 15, 11, 0, 0);
    private static readonly DateOnly Referred = new(2026, 3, 10);

    private static readonly CduMember Medical = new() { FullName = "Dr Anne Roy", Category = CduCategory.MedicalMediator, Department = "Cardiologie" };
    private static readonly CduMember MedicalDeputy = new() { FullName = "Dr Paul Gall", Category = CduCategory.MedicalMediator, IsDeputy = true, Department = "Pneumologie" };
    private static readonly CduMember NonMedical = new() { FullName = "Sylvie Marchand", Category = CduCategory.NonMedicalMediator, Department = "Direction des soins" };
    private static readonly CduMember Representative = new() { FullName = "Hélène Dubois", Category = CduCategory.PatientRepresentative };
    private static readonly IReadOnlyList<CduMember> Members = [Medical, MedicalDeputy, NonMedical, Representative];

    private static AppointmentRequest Request(int day, int hour, int minute = 0, Guid? mediator = null, string place = "Bureau des usagers", string? lateReason = null) =>
        new(new DateOnly(2026, 3, day), new TimeOnly(hour, minute), 60, place, [mediator ?? Medical.Id]) { LateReason = lateReason };

    private static IReadOnlyList<string> Problems(AppointmentRequest request, Complaint? complaint = null, params MediationAppointment[] planned) =>
        MediationBooking.Problems(request, Now, complaint ?? new Complaint(), Referred, Members, planned);

    [Fact]
    public void A_meeting_is_booked_in_the_future_only()
    {
        Assert.Equal(["La rencontre doit être fixée dans le futur."], Problems(Request(15, 10)));
        Assert.Empty(Problems(Request(15, 14)));
    }

    [Fact]
    public void A_mediator_or_a_room_booked_at_the_same_time_is_refused()
    {
        // Booked 20 March 14:00–15:00 with Dr Roy in the « Bureau des usagers ».
        var booked = new MediationAppointment { Date = new DateOnly(2026, 3, 20), StartTime = new TimeOnly(14, 0), Place = "Bureau des usagers", MediatorIds = [Medical.Id] };
        var sameMediator = Problems(Request(20, 14, 30, place: "Salle 2", lateReason: "test"), null, booked);
        Assert.Equal(["Dr Anne Roy a déjà une rencontre le 20/03/2026 de 14:00 à 15:00."], sameMediator);
        var sameRoom = Problems(Request(20, 14, 30, mediator: NonMedical.Id, lateReason: "test"), null, booked);
        Assert.Equal(["Le lieu « Bureau des usagers » est déjà réservé le 20/03/2026 de 14:00 à 15:00."], sameRoom);
        // 15:00 starts when the other ends; a cancelled meeting frees its slot.
        Assert.Empty(Problems(Request(20, 15, lateReason: "test"), null, booked));
        booked.Status = MediationAppointmentStatus.Cancelled;
        Assert.Empty(Problems(Request(20, 14, 30, lateReason: "test"), null, booked));
    }

    [Fact]
    public void Later_than_eight_days_after_the_referral_asks_for_a_reason()
    {
        // Referred on 10 March: the meeting is due by 18 March (R.1112-93); the 19th needs a reason.
        Assert.Empty(Problems(Request(18, 10)));
        var late = Assert.Single(Problems(Request(19, 10)));
        Assert.StartsWith("La rencontre est fixée plus de 8 jours après la saisine du médiateur du 10/03/2026 (au plus tard le 18/03/2026", late);
        Assert.Empty(Problems(Request(19, 10, lateReason: "Le plaignant n'est disponible qu'à partir du 19.")));
    }

    [Fact]
    public void After_the_planned_discharge_asks_for_a_reason()
    {
        var complaint = new Complaint { PatientHospitalised = true, PlannedDischargeOn = new DateOnly(2026, 3, 16) };
        Assert.Empty(Problems(Request(16, 10), complaint));
        var late = Assert.Single(Problems(Request(17, 10), complaint));
        Assert.Contains("après la sortie prévue du patient le 16/03/2026", late);
    }

    [Fact]
    public void Only_active_mediators_may_be_booked()
    {
        Assert.Equal(["Un médiateur choisi n'est pas (ou plus) médiateur de la commission des usagers."], Problems(Request(16, 10, mediator: Representative.Id)));
    }

    [Fact]
    public void The_deputy_is_proposed_when_the_complaint_names_the_mediator_s_own_department()
    {
        var complaint = new Complaint { MediationType = MediationType.Mixed, Services = ["Cardiologie"] };
        var proposed = MediationBooking.Propose(complaint, Members);
        Assert.Equal([MedicalDeputy.Id, NonMedical.Id], proposed.Select(p => p.Mediator.Id));
        Assert.Equal("Dr Anne Roy exerce dans le service mis en cause (Cardiologie) : son suppléant le remplace (CSP art. R.1112-87).", proposed[0].Substitution);
        Assert.Null(proposed[1].Substitution);
        // A medical mediation in another department: the full mediator.
        var other = new Complaint { MediationType = MediationType.Medical, Services = ["Urgences"] };
        Assert.Equal((Medical.Id, (string?)null), (MediationBooking.Propose(other, Members)[0].Mediator.Id, MediationBooking.Propose(other, Members)[0].Substitution));
    }
}
