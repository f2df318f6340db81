using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Complaints;

namespace RelationsUsagers.Core.Expressions;

/// <summary>
/// An expression of a user that is not a complaint file: praise, a remark, a suggestion, a request for information, a
/// visit or a call at the desk. Every expression of satisfaction or dissatisfaction is recorded and counted (the CDU's
/// report, R.1112-80); no patient is needed. One that turns out to be a complaint becomes a complaint file, linked.
/// </summary>
public sealed class UserExpression
{
    public const int TextMaxLength = 4000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public ExpressionKind Kind { get; set; } = ExpressionKind.Praise;
    public DateOnly OccurredOn { get; set; }
    public Channel Channel { get; set; } = Channel.FrontDesk;
    public string? Service { get; set; }
    public ComplaintMotive? Motive { get; set; }
    /// <summary>Who spoke, when given: optional (an anonymous call is logged all the same).</summary>
    public string? PersonName { get; set; }
    /// <summary>What was said, in the person's words.</summary>
    public string Text { get; set; } = "";
    /// <summary>The answer given on the spot, if any.</summary>
    public string? Answer { get; set; }
    public DateTime RecordedAtUtc { get; set; }
    public string RecordedBy { get; set; } = "";
    /// <summary>The complaint file it became (one step, the link kept both ways in the trail).</summary>
    public Guid? ComplaintId { get; set; }
    public string? ComplaintReference { get; set; }
}

public enum ExpressionKind { Praise = 1, Remark = 2, Suggestion = 3, InformationRequest = 4, DeskVisit = 5, PhoneCall = 6 }

public static class ExpressionLabels
{
    public static string Label(this ExpressionKind kind) => kind switch
    {
        ExpressionKind.Praise => "Éloge",
        ExpressionKind.Remark => "Remarque",
        ExpressionKind.Suggestion => "Suggestion",
        ExpressionKind.InformationRequest => "Demande d'information",
        ExpressionKind.DeskVisit => "Visite à l'accueil",
        ExpressionKind.PhoneCall => "Appel téléphonique",
        _ => kind.ToString(),
    };
}
