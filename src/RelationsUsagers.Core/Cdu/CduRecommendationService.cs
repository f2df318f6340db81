using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Data;

namespace RelationsUsagers.Core.Cdu;

/// <summary>The CDU's recommendations and their follow-up (CSP R.1112-80 II, annual report section 10).</summary>
public sealed class CduRecommendationService(IDbContextFactory<AppDbContext> dbFactory)
{
    private readonly CduRecommendationValidator _validator = new();

    /// <summary>The recommendations of <paramref name="year"/> (all years when null), oldest year first.</summary>
    public async Task<IReadOnlyList<CduRecommendation>> ListAsync(int? year = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.CduRecommendations.AsNoTracking()
            .Where(r => year == null || r.Year == year)
            .OrderBy(r => r.Year).ThenBy(r => r.Id)
            .ToListAsync(ct);
    }

    /// <summary>Recommendations still planned or in progress, whatever their year: what the next meeting follows up.</summary>
    public async Task<IReadOnlyList<CduRecommendation>> ListOpenAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await OpenAsync(db, ct);
    }

    /// <summary>Creates or updates a recommendation (its status and follow-up comment included) after validation.</summary>
    public async Task<CduRecommendation> SaveAsync(CduRecommendation recommendation, CancellationToken ct = default)
    {
        recommendation.Text = recommendation.Text.Trim();
        recommendation.Owner = recommendation.Owner.Trim();
        recommendation.FollowUpComment = string.IsNullOrWhiteSpace(recommendation.FollowUpComment) ? null : recommendation.FollowUpComment.Trim();
        var result = _validator.Validate(recommendation);
        if (!result.IsValid)
            throw new CaseValidationException(result.Errors);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (recommendation.MeetingId is { } meetingId && !await db.CduMeetings.AnyAsync(m => m.Id == meetingId, ct))
            throw new CaseRuleException("Cette séance n'existe plus.");
        var current = await db.CduRecommendations.FirstOrDefaultAsync(r => r.Id == recommendation.Id, ct);
        if (current is null)
            db.CduRecommendations.Add(recommendation);
        else
            db.Entry(current).CurrentValues.SetValues(recommendation);
        await db.SaveChangesAsync(ct);
        return recommendation;
    }

    internal static async Task<List<CduRecommendation>> OpenAsync(AppDbContext db, CancellationToken ct) =>
        await db.CduRecommendations.AsNoTracking()
            .Where(r => r.Status == CduRecommendationStatus.Planned || r.Status == CduRecommendationStatus.InProgress)
            .OrderBy(r => r.Year).ThenBy(r => r.DueOn).ThenBy(r => r.Id)
            .ToListAsync(ct);
}
