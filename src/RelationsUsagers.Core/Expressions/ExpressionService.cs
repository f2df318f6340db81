using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Clock;
using RelationsUsagers.Core.Complaints;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Core.Expressions;

/// <summary>One line of the expressions' counts: a kind in a service.</summary>
public sealed record ExpressionCount(ExpressionKind Kind, string Service, int Count);

/// <summary>The quick log of users' expressions: recorded in seconds, counted, turned into a complaint file when it is one.</summary>
public sealed class ExpressionService(IDbContextFactory<AppDbContext> dbFactory, CaseFileService cases, TimeProvider clock)
{
    public const string LoggedAction = AuditActions.ExpressionLogged;
    public const string ConvertedAction = AuditActions.ExpressionConverted;

    /// <summary>Records an expression; refused at the field in French (what was said is required, no future date).</summary>
    public async Task<UserExpression> LogAsync(UserExpression draft, CancellationToken ct = default)
    {
        var problems = Problems(draft).ToList();
        if (problems.Count > 0)
            throw new CaseRuleException(string.Join(" ", problems.Select(p => p.Message)));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = new UserExpression
        {
            Kind = draft.Kind, OccurredOn = draft.OccurredOn, Channel = draft.Channel, Service = TypedText.NullIfBlank(draft.Service), Motive = draft.Motive,
            PersonName = TypedText.NullIfBlank(draft.PersonName), Text = draft.Text.Trim(), Answer = TypedText.NullIfBlank(draft.Answer), RecordedAtUtc = db.UtcNow,
            RecordedBy = db.CurrentUserName,
        };
        db.UserExpressions.Add(row);
        // No personal datum in the trail: the kind, the service and the date only.
        db.AuditEntries.Add(new AuditEntry { AtUtc = db.UtcNow, UserName = db.CurrentUserName, Action = LoggedAction,
            Details = $"{row.Kind.Label()} du {row.OccurredOn:dd/MM/yyyy}{(row.Service is null ? "" : $", {row.Service}")}" });
        await db.SaveChangesAsync(ct);
        return row;
    }

    /// <summary>Each problem of a draft with the field it belongs to (the form shows it there).</summary>
    public IEnumerable<(string Field, string Message)> Problems(UserExpression draft)
    {
        if (!Enum.IsDefined(draft.Kind))
            yield return (nameof(UserExpression.Kind), "Le type d'expression est obligatoire.");
        if (string.IsNullOrWhiteSpace(draft.Text))
            yield return (nameof(UserExpression.Text), "Indiquez ce qui a été exprimé.");
        else if (draft.Text.Length > UserExpression.TextMaxLength)
            yield return (nameof(UserExpression.Text), $"Le texte ne doit pas dépasser {UserExpression.TextMaxLength} caractères.");
        if (draft.OccurredOn > ParisCalendar.Today(clock))
            yield return (nameof(UserExpression.OccurredOn), "La date ne peut pas être dans le futur.");
        if (draft.OccurredOn == default)
            yield return (nameof(UserExpression.OccurredOn), "La date est obligatoire.");
    }

    public async Task<IReadOnlyList<UserExpression>> ListAsync(DateOnly from, DateOnly to, ExpressionKind? kind = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.UserExpressions.AsNoTracking().Where(e => e.OccurredOn >= from && e.OccurredOn <= to);
        if (kind is { } k)
            query = query.Where(e => e.Kind == k);
        return await query.OrderByDescending(e => e.OccurredOn).ThenByDescending(e => e.RecordedAtUtc).ToListAsync(ct);
    }

    /// <summary>The counts by kind and service over a period (the CDU's report and agenda); « Non précisé » without a service.</summary>
    public async Task<IReadOnlyList<ExpressionCount>> CountsAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.UserExpressions.AsNoTracking().Where(e => e.OccurredOn >= from && e.OccurredOn <= to)
            .GroupBy(e => new { e.Kind, e.Service }).Select(g => new { g.Key.Kind, g.Key.Service, Count = g.Count() }).ToListAsync(ct);
        return rows.Select(r => new ExpressionCount(r.Kind, r.Service ?? "Non précisé", r.Count))
            .OrderBy(r => r.Kind).ThenByDescending(r => r.Count).ThenBy(r => r.Service, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true))
            .ToList();
    }

    /// <summary>
    /// Turns the expression into a complaint file in one step: <paramref name="complaint"/> holds what a complaint needs
    /// beyond it (the patient); its date, channel, service and text come from the expression. The link is kept.
    /// </summary>
    public async Task<CaseFile> ConvertToComplaintAsync(Guid expressionId, Complaint complaint, CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var expression = await db.UserExpressions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == expressionId, ct)
                ?? throw new CaseRuleException("Cette expression n'existe plus.");
            if (expression.ComplaintReference is { } reference)
                throw new CaseRuleException($"Cette expression est déjà devenue la réclamation {reference}.");
            complaint.ReceivedOn = expression.OccurredOn;
            complaint.Channel = expression.Channel;
            if (complaint.Services.Count == 0 && expression.Service is { } service)
                complaint.Services = [service];
            if (expression.Motive is { } motive && !complaint.Motives.Contains(motive))
                complaint.Motives.Add(motive);
            if (string.IsNullOrWhiteSpace(complaint.Summary))
                complaint.Summary = expression.Text;
            if (string.IsNullOrWhiteSpace(complaint.Requester.Name) && expression.PersonName is { } person)
                complaint.Requester.Name = person;
        }
        var created = await cases.CreateAsync(complaint, ct);
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var expression = await db.UserExpressions.FirstAsync(e => e.Id == expressionId, ct);
            (expression.ComplaintId, expression.ComplaintReference) = (created.Id, created.Reference);
            db.AuditEntries.Add(new AuditEntry { AtUtc = db.UtcNow, UserName = db.CurrentUserName, Action = ConvertedAction,
                CaseFileId = created.Id, CaseReference = created.Reference,
                Details = $"{expression.Kind.Label()} du {expression.OccurredOn:dd/MM/yyyy} devenue la réclamation {created.Reference}" });
            await db.SaveChangesAsync(ct);
        }
        return created;
    }

}
