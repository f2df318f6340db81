using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Core.Cases;

/// <summary>Another name the office gives a service of the hospital's list (« Imagerie » for « Imagerie médicale »).</summary>
public sealed class ServiceAlias
{
    public int Id { get; set; }
    /// <summary>As the office writes it.</summary>
    public string Alias { get; set; } = "";
    /// <summary>Lower case, no accents (<see cref="TextSearch.Normalize"/>): the key, unique.</summary>
    public string Key { get; set; } = "";
    /// <summary>A service of <see cref="HospitalServices.All"/>.</summary>
    public string Service { get; set; } = "";
}

internal sealed class ServiceAliasConfiguration : IEntityTypeConfiguration<ServiceAlias>
{
    public void Configure(EntityTypeBuilder<ServiceAlias> b)
    {
        b.ToTable("ServiceAliases");
        b.Property(a => a.Alias).HasMaxLength(200).IsRequired();
        b.Property(a => a.Key).HasMaxLength(200).IsRequired();
        b.Property(a => a.Service).HasMaxLength(200).IsRequired();
        b.HasIndex(a => a.Key).IsUnique();
    }
}

/// <summary>
/// Matches the services written in a file to the hospital's list, so that « Imagerie » does not become a service beside
/// « Imagerie médicale » and split the statistics: the list itself, then the office's aliases, else unknown with a proposal.
/// </summary>
public static class ServiceNames
{
    private static readonly Dictionary<string, string> ByKey = HospitalServices.All.ToDictionary(TextSearch.Normalize, s => s);

    /// <summary>The hospital's service for <paramref name="name"/>, or null when neither the list nor an alias knows it.</summary>
    public static string? Resolve(string name, IReadOnlyDictionary<string, string> aliases)
    {
        var key = TextSearch.Normalize(name);
        return ByKey.GetValueOrDefault(key) ?? aliases.GetValueOrDefault(key);
    }

    /// <summary>The service an unknown name most likely stands for: one it begins (« Cardio »), or the only one holding its words. Null if none.</summary>
    public static string? Propose(string name)
    {
        var key = TextSearch.Normalize(name);
        if (key.Length < 3)
            return null;
        var words = key.Split([' ', '-', '.'], StringSplitOptions.RemoveEmptyEntries);
        var begins = ByKey.Where(p => p.Key.StartsWith(key.TrimEnd('.'), StringComparison.Ordinal)).Select(p => p.Value).ToList();
        if (begins.Count == 1)
            return begins[0];
        var holding = ByKey.Where(p => words.All(w => p.Key.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries)
            .Any(k => k.StartsWith(w, StringComparison.Ordinal)))).Select(p => p.Value).ToList();
        return holding.Count == 1 ? holding[0] : null;
    }
}

/// <summary>The office's table of service aliases: listed, added (or changed), removed; each change audited.</summary>
public sealed class ServiceAliasService(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<IReadOnlyList<ServiceAlias>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ServiceAliases.AsNoTracking().OrderBy(a => a.Key).ToListAsync(ct);
    }

    /// <summary>Normalised alias → service, as the importer looks them up.</summary>
    public static async Task<Dictionary<string, string>> LoadAsync(AppDbContext db, CancellationToken ct) =>
        await db.ServiceAliases.AsNoTracking().ToDictionaryAsync(a => a.Key, a => a.Service, ct);

    /// <summary>« Imagerie » now means « Imagerie médicale »: a service of the hospital's list, never a new one.</summary>
    public async Task SaveAsync(string alias, string service, CancellationToken ct = default)
    {
        var key = TextSearch.Normalize(alias);
        if (key.Length == 0)
            throw new CaseRuleException("Indiquez le nom employé dans le fichier.");
        if (!HospitalServices.All.Contains(service))
            throw new CaseRuleException($"« {service} » n'est pas un service de la liste de l'hôpital.");
        if (HospitalServices.All.Any(s => TextSearch.Normalize(s) == key))
            throw new CaseRuleException($"« {alias} » est déjà un service de la liste de l'hôpital.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var existing = await db.ServiceAliases.FirstOrDefaultAsync(a => a.Key == key, ct);
        var before = existing?.Service;
        if (existing is null)
            db.ServiceAliases.Add(new ServiceAlias { Alias = alias.Trim(), Key = key, Service = service });
        else
            (existing.Alias, existing.Service) = (alias.Trim(), service);
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = db.UtcNow, UserName = db.CurrentUserName, Action = AuditActions.ServiceAliasChanged,
            Details = before is null ? $"« {alias.Trim()} » → « {service} »" : $"« {alias.Trim()} » : « {before} » → « {service} »",
        });
        await db.SaveChangesAsync(ct);
    }

    public async Task RemoveAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.ServiceAliases.FindAsync([id], ct) is not { } alias)
            return;
        db.ServiceAliases.Remove(alias);
        db.AuditEntries.Add(new AuditEntry { AtUtc = db.UtcNow, UserName = db.CurrentUserName, Action = AuditActions.ServiceAliasChanged,
            Details = $"« {alias.Alias} » retiré (était « {alias.Service} »)" });
        await db.SaveChangesAsync(ct);
    }
}
