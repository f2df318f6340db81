using FluentValidation;
using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Core.Clock;

/// <summary>
/// The référentiel des délais as stored: read in the order of the defaults, and each delay's warning window (« proche »
/// so many days before its date) changed with an audit line.
/// </summary>
public sealed class DelaySettingsService(IDbContextFactory<AppDbContext> dbFactory, CaseChanges? changes = null)
{
    /// <summary>Every delay, stored values first, each missing row as its default (as the clock reads them).</summary>
    public async Task<IReadOnlyList<DelaySetting>> GetAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stored = await db.DelaySettings.AsNoTracking().ToDictionaryAsync(s => s.Code, ct);
        return [.. DelaySettings.Defaults.Select(d => stored.GetValueOrDefault(d.Code, d))];
    }

    /// <summary>Sets how many days before its date the delay <paramref name="code"/> turns « proche »; refused below zero.</summary>
    public async Task<DelaySetting> SetWarningDaysAsync(string code, int warningDays, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var setting = await db.DelaySettings.FirstOrDefaultAsync(s => s.Code == code, ct);
        if (setting is null)
        {
            // A row deleted from the table comes back from its default, with the new window.
            setting = DelaySettings.Defaults.FirstOrDefault(d => d.Code == code) ?? throw new CaseRuleException($"Délai inconnu : {code}.");
            db.DelaySettings.Add(setting);
        }
        var before = setting.WarningDays;
        setting.WarningDays = warningDays;
        var result = new DelaySettingValidator().Validate(setting);
        if (!result.IsValid)
            throw new CaseRuleException(result.Errors[0].ErrorMessage);
        if (before == warningDays && db.Entry(setting).State != EntityState.Added)
            return setting;
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = db.UtcNow, UserName = db.CurrentUserName, Action = AuditActions.DelaySettingChanged,
            Details = $"{setting.Label} ({code})\u00A0: alerte {before} → {warningDays} jour{(warningDays > 1 ? "s" : "")} avant l'échéance",
        });
        await db.SaveChangesAsync(ct);
        // The open pages recompute their states (« proche ») with the new window.
        if (changes is not null)
            await changes.PublishAsync(db, null);
        return setting;
    }
}

/// <summary>What a delay setting may hold, for the settings page and the service alike.</summary>
public sealed class DelaySettingValidator : AbstractValidator<DelaySetting>
{
    public const string WarningDaysLabel = "Alerte (jours avant)";

    public DelaySettingValidator() =>
        RuleFor(s => s.WarningDays).GreaterThanOrEqualTo(0)
            .WithMessage($"«\u00A0{WarningDaysLabel}\u00A0» doit être un nombre de jours positif ou nul.");
}
