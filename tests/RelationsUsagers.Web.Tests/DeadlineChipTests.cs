using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Queue;
using RelationsUsagers.Web.Queue;

namespace RelationsUsagers.Web.Tests;

/// <summary>The queue's deadline chip: its state within the setting's warning window, and the short explanation on hover.</summary>
public sealed class DeadlineChipTests : PortalTestContext
{
    private static CaseListItem Row(DateOnly? due, string? code, string? label = null, string? computation = null, bool suspended = false) =>
        new(Guid.NewGuid(), "PLT-2026-00007", CaseKind.Complaint, "Ménard", "Joseph", "Pierre Ménard", ["Urgences"], new(2026, 2, 20),
            CaseStatus.Acknowledged, due, null, code, suspended, NextDueLabel: label, NextDueComputation: computation);

    [Fact]
    public void Hovering_the_chip_gives_the_deadline_its_date_how_it_was_computed_and_who_acts()
    {
        var item = Row(new(2026, 3, 7), "complaint.damage-information", "Entretien d'information sur le dommage (15 jours)",
            "À compter de la découverte du dommage (20/02/2026) : 15 jours — CSP art. L.1142-4");
        var chip = RenderWithPopovers<DeadlineChip>(p => p.Add(c => c.Item, item).Add(c => c.Today, Today));
        Assert.Empty(Popovers.FindAll(".deadline-tooltip"));

        chip.Find(".mud-tooltip-root").PointerEnter();

        Popovers.WaitForAssertion(() => Assert.Equal(
            [
                "Entretien d'information sur le dommage (15 jours)\u00A0: 07/03/2026 (dépassé)",
                "À compter de la découverte du dommage (20/02/2026) : 15 jours — CSP art. L.1142-4",
                "À faire par\u00A0: le service",
            ],
            Popovers.FindAll(".deadline-tooltip > div").Select(d => d.TextContent.Trim())));
    }

    [Fact]
    public void A_row_saved_before_the_explanations_existed_shows_the_rule_and_its_article()
    {
        var chip = RenderWithPopovers<DeadlineChip>(p => p.Add(c => c.Item, Row(new(2026, 3, 20), "complaint.acknowledgement")).Add(c => c.Today, Today));

        chip.Find(".mud-tooltip-root").PointerEnter();

        Popovers.WaitForAssertion(() => Assert.Equal("Accusé de réception (8 jours) — CSP art. R.1112-92 (cible interne)",
            Popovers.FindAll(".deadline-tooltip > div")[1].TextContent.Trim()));
    }

    [Theory]
    // The implicit rejection warns 15 days before (its setting); the acknowledgement 2 days before. Today is 15/03/2026.
    [InlineData("claim.implicit-rejection", 30, "proche")]
    [InlineData("claim.implicit-rejection", 31, "à venir")]
    [InlineData("complaint.acknowledgement", 17, "proche")]
    [InlineData("complaint.acknowledgement", 18, "à venir")]
    public void The_chip_turns_proche_within_its_settings_warning_days(string code, int dueDay, string state)
    {
        var chip = Render<DeadlineChip>(p => p.Add(c => c.Item, Row(new(2026, 3, dueDay), code)).Add(c => c.Today, Today));
        Assert.Equal(state, chip.Find(".deadline-chip").GetAttribute("data-state"));
    }

    [Fact]
    public void A_suspended_case_explains_the_suspended_deadline()
    {
        var item = Row(null, "complaint.mediation-meeting", "Rencontre avec le médiateur médecin (8 jours)",
            "À compter de la saisine du médiateur (05/03/2026) : 8 jours, prolongé de 10 jours de suspension — CSP art. R.1112-93", suspended: true);
        var chip = RenderWithPopovers<DeadlineChip>(p => p.Add(c => c.Item, item).Add(c => c.Today, Today));

        chip.Find(".mud-tooltip-root").PointerEnter();

        Popovers.WaitForAssertion(() => Assert.Equal("Suspendu\u00A0: Rencontre avec le médiateur médecin (8 jours)",
            Popovers.Find(".deadline-tooltip-title").TextContent.Trim()));
    }
}
