using RelationsUsagers.Core.Cases;
using RelationsUsagers.Web.AccessRequests;
using RelationsUsagers.Web.Claims;
using RelationsUsagers.Web.Complaints;
using RelationsUsagers.Web.FunctionalProtection;
using RelationsUsagers.Web.Requisitions;

namespace RelationsUsagers.Web.Cases;

/// <summary>
/// The web side of each kind's definition (<see cref="CaseKinds"/>): the component that edits its own fields, and the
/// parameter that receives the case. The one place in the web project that lists the kinds.
/// </summary>
public static class CaseKindForms
{
    private static readonly Dictionary<CaseKind, (Type Component, string Parameter)> Fields = new()
    {
        [CaseKind.AccessRequest] = (typeof(AccessRequestFields), nameof(AccessRequestFields.Request)),
        [CaseKind.Complaint] = (typeof(ComplaintFields), nameof(ComplaintFields.Complaint)),
        [CaseKind.IndemnityClaim] = (typeof(ClaimFields), nameof(ClaimFields.Claim)),
        [CaseKind.Requisition] = (typeof(RequisitionFields), nameof(RequisitionFields.Requisition)),
        [CaseKind.FunctionalProtection] = (typeof(ProtectionFields), nameof(ProtectionFields.Protection)),
    };

    public static Type FieldsOf(CaseKind kind) =>
        Fields.TryGetValue(kind, out var form) ? form.Component : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Aucun formulaire pour ce type de dossier.");

    /// <summary>
    /// The hint of a date a step writes (<see cref="CaseKindDefinition.StepFacts"/>): the form shows it read-only and says
    /// which step records it; null for a date the form may type.
    /// </summary>
    public static string? StepFactHint(CaseKind kind, string property) =>
        CaseKinds.Of(kind).StepFacts.TryGetValue(property, out var step) ? $"Enregistrée par l'étape « {step.Label} »" : null;

    /// <summary>The parameters of <see cref="FieldsOf"/> for a <see cref="DynamicComponent"/>.</summary>
    public static Dictionary<string, object?> ParametersFor(CaseFile file, bool readOnly) =>
        new() { [Fields[file.Kind].Parameter] = file, ["ReadOnly"] = readOnly };
}
