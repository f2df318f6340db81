using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Clock;
using RelationsUsagers.Core.Complaints;
using RelationsUsagers.Web.Cases;

namespace RelationsUsagers.Web.Tests.Cases;

/// <summary>
/// The deadlines table says which of the two record-access delays is the law's and which the office's practice, and each
/// deadline unfolds into how it was computed.
/// </summary>
public sealed class DeadlinesPanelTests : PortalTestContext
{
    private static readonly DateOnly Received = new(2026, 3, 2), Complete = new(2026, 3, 4);

    [Fact]
    public void The_legal_and_the_practice_delay_are_named_and_a_lone_deadline_is_not()
    {
        IReadOnlyList<Deadline> deadlines =
        [
            new(DelaySettings.Access8Days, "Communication du dossier (8 jours)", Received, Received.AddDays(8), null, DeadlineState.Overdue,
                "CSP art. L.1111-7 al.2 ; R.1111-1 al.4"),
            new(DelaySettings.Access8Days, "Communication du dossier (8 jours) – dossier complet", Complete, Complete.AddDays(8), null,
                DeadlineState.Overdue, "CSP art. L.1111-7 al.2 ; R.1111-1 al.4") { FromCompleteRequest = true },
            new(DelaySettings.ComplaintAcknowledgement, "Accusé de réception", Received, Received.AddDays(8), null, DeadlineState.Upcoming,
                "CSP art. R.1112-92"),
            // The 48-hour floor also counts from the complete request, but it is the law's (L.1111-7), not a practice.
            new(DelaySettings.AccessReflection48h, "Délai de réflexion (48 heures)", Complete, Complete.AddDays(2), null, DeadlineState.Done,
                "CSP art. L.1111-7 al.2") { FromCompleteRequest = true, IsFloor = true },
        ];

        var panel = Render<DeadlinesPanel>(p => p.Add(c => c.Deadlines, deadlines));

        var rows = panel.FindAll("tbody tr[data-code]");
        Assert.Equal("Délai légal : compté depuis la réception de la demande.", rows[0].QuerySelector(".deadline-basis")!.TextContent.Trim());
        Assert.Equal("Pratique du service : compté depuis le dossier complet.", rows[1].QuerySelector(".deadline-basis")!.TextContent.Trim());
        Assert.Null(rows[2].QuerySelector(".deadline-basis"));
        Assert.Null(rows[3].QuerySelector(".deadline-basis"));
    }

    /// <summary>
    /// A hospitalised complainant's mediation (R.1112-93), computed by the real clock: referred 05/03/2026, 8 days → 13/03,
    /// brought forward to the discharge planned on 09/03; the complainant unavailable 06 and 07/03 (resumed 08/03) → 11/03.
    /// </summary>
    private static IReadOnlyList<Deadline> HospitalisedMediation()
    {
        var complaint = new Complaint
        {
            ReceivedOn = new(2026, 3, 2), PatientHospitalised = true, PlannedDischargeOn = new(2026, 3, 9),
            Events = [new CaseEvent { Type = CaseEventTypes.MediatorReferred, OccurredOn = new(2026, 3, 5) }],
        };
        ClockSuspension unavailable = new()
        {
            ClockCode = DelaySettings.ComplaintMediationMeeting, Reason = "Plaignant indisponible", StartedOn = new(2026, 3, 6),
            EndedOn = new(2026, 3, 8), StartedBy = "officer", EndedBy = "officer",
        };
        return LegalClock.Default.Compute(complaint, [unavailable], Today);
    }

    [Fact]
    public void Each_deadline_unfolds_by_its_button_into_start_duration_suspensions_notes_due_date_actor_and_article()
    {
        var panel = Render<DeadlinesPanel>(p => p.Add(c => c.Deadlines, HospitalisedMediation()));
        var row = panel.Find("tr[data-code='complaint.mediation-meeting']");
        var toggle = row.QuerySelector(".deadline-explain-toggle")!;
        var explanationId = toggle.GetAttribute("aria-controls")!;
        Assert.Equal(("false", "Comment ce délai est calculé"), (toggle.GetAttribute("aria-expanded"), toggle.TextContent.Trim()));
        Assert.True(panel.Find($"#{explanationId}").ParentElement!.ParentElement!.HasAttribute("hidden"));

        toggle.Click();

        toggle = panel.Find("tr[data-code='complaint.mediation-meeting'] .deadline-explain-toggle");
        Assert.Equal("true", toggle.GetAttribute("aria-expanded"));
        var explanation = panel.Find($"#{explanationId}");
        Assert.False(explanation.ParentElement!.ParentElement!.HasAttribute("hidden"));
        Assert.Equal("À compter de la saisine du médiateur, le 05/03/2026", Text(explanation, ".explanation-start"));
        Assert.Equal("date fixée", Text(explanation, ".explanation-duration"));
        Assert.Equal("Du 06/03/2026 au 07/03/2026 inclus (reprise le 08/03/2026)\u00A0: 2 jours — suspension : Plaignant indisponible",
            Text(explanation, ".explanation-suspension"));
        Assert.Equal("Avancée à la sortie prévue du patient le 09/03/2026 (au lieu du 13/03/2026, 8 jours après la saisine).",
            Text(explanation, ".explanation-note"));
        Assert.Equal("11/03/2026 (prolongée de 2 jours de suspension) — dépassé", Text(explanation, ".explanation-due"));
        Assert.Equal("Le service", Text(explanation, ".explanation-actor"));
        Assert.Equal("CSP art. R.1112-93", Text(explanation, ".explanation-article"));
        Assert.Empty(explanation.QuerySelectorAll(".explanation-never-suspended"));

        toggle.Click();
        Assert.Equal("false", panel.Find("tr[data-code='complaint.mediation-meeting'] .deadline-explain-toggle").GetAttribute("aria-expanded"));
        Assert.True(panel.Find($"#{explanationId}").ParentElement!.ParentElement!.HasAttribute("hidden"));
    }

    [Fact]
    public void A_deadline_no_text_suspends_says_so_and_a_running_suspension_is_en_cours()
    {
        IReadOnlyList<Deadline> deadlines =
        [
            new(DelaySettings.Access8Days, "Communication du dossier (8 jours)", Received, Received.AddDays(8), null, DeadlineState.Overdue,
                "CSP art. L.1111-7 al.2 ; R.1111-1 al.4") { NeverSuspended = true, StartLabel = "de la réception de la demande", Duration = "8 jours" },
            new(DelaySettings.ClaimPrescription, "Prescription de l'action (10 ans)", Received, new(2036, 3, 12), null, DeadlineState.Upcoming,
                "CSP art. L.1142-28") { Actor = Actor.Requester, Duration = "10 ans", SuspendedDays = 10,
                Suspensions = [new AppliedSuspension(new(2026, 3, 5), null, 10, "saisine de la CCI (CSP art. L.1142-7)")] },
        ];
        var panel = Render<DeadlinesPanel>(p => p.Add(c => c.Deadlines, deadlines));

        for (var i = 0; i < deadlines.Count; i++)
            panel.FindAll(".deadline-explain-toggle")[i].Click();

        var explanations = panel.FindAll(".deadline-explanation");
        Assert.Equal("Aucun texte ne suspend ce délai\u00A0: une suspension décidée par le service ne le déplace pas.",
            Text(explanations[0], ".explanation-never-suspended"));
        Assert.Equal("Depuis le 05/03/2026, en cours\u00A0: 10 jours à ce jour — saisine de la CCI (CSP art. L.1142-7)",
            Text(explanations[1], ".explanation-suspension"));
        Assert.Equal("Le demandeur", Text(explanations[1], ".explanation-actor"));
        Assert.Equal("Le 02/03/2026", Text(explanations[1], ".explanation-start"));
        Assert.Empty(explanations[1].QuerySelectorAll(".explanation-note"));
    }

    private static string Text(AngleSharp.Dom.IElement root, string selector) => root.QuerySelector(selector)!.TextContent.Trim();
}
