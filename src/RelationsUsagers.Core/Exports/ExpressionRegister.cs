using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Complaints;
using RelationsUsagers.Core.Expressions;

namespace RelationsUsagers.Core.Exports;

/// <summary>One line of the register of users' expressions (the quick log: praise, remarks, desk visits, calls...).</summary>
public sealed record ExpressionRegisterRow(DateOnly OccurredOn, string Kind, string Channel, string? Service, string? Motive, string? Person,
    string Text, string? Answer, string? Complaint, string RecordedBy)
{
    public static ExpressionRegisterRow Build(UserExpression e) => new(e.OccurredOn, e.Kind.Label(), e.Channel.Label(), e.Service,
        e.Motive?.Label(), e.PersonName, e.Text, e.Answer, e.ComplaintReference, e.RecordedBy);

    public static readonly IReadOnlyList<ExportColumn<ExpressionRegisterRow>> Columns =
    [
        new("Date", r => r.OccurredOn, ExportFormats.Date),
        new("Type", r => r.Kind),
        new("Canal", r => r.Channel),
        new("Service", r => r.Service),
        new("Motif", r => r.Motive),
        new("Personne", r => r.Person),
        new("Ce qui a été exprimé", r => r.Text, Width: 60),
        new("Réponse donnée", r => r.Answer, Width: 40),
        new("Réclamation ouverte", r => r.Complaint),
        new("Noté par", r => r.RecordedBy),
    ];
}
