using Microsoft.AspNetCore.Components;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Web.Cases;

namespace RelationsUsagers.Web.Tests.Cases;

/// <summary>The web side of the kind registry: every kind has its form, and the editor shows it under the kind's own words.</summary>
public sealed class CaseKindFormsTests : PortalTestContext
{
    public static TheoryData<CaseKind> Kinds() => [.. Enum.GetValues<CaseKind>()];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_editor_shows_the_form_of_the_kind(CaseKind kind)
    {
        var definition = CaseKinds.Of(kind);
        var editor = RenderWithPopovers<CaseEditor>(p => p.Add(c => c.Case, definition.New()));

        Assert.Equal(CaseKindForms.FieldsOf(kind), editor.FindComponent<DynamicComponent>().Instance.Type);
        Assert.Contains(editor.FindAll("h3"), h => h.TextContent.Trim() == definition.PersonLabel);
        Assert.Contains(definition.RequesterCapacityLabel.Label, editor.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_date_a_step_writes_is_read_only_and_names_its_step()
    {
        var editor = RenderWithPopovers<CaseEditor>(p => p.Add(c => c.Case, CaseKinds.Of(CaseKind.IndemnityClaim).New()));

        var declared = editor.FindAll(".mud-input-control").Single(c => c.TextContent.Contains("Enregistrée par l'étape « Déclarer à l'assureur »", StringComparison.Ordinal));
        Assert.True(declared.QuerySelector("input")!.HasAttribute("disabled"));
    }
}
