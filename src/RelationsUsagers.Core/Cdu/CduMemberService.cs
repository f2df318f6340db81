using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Data;

namespace RelationsUsagers.Core.Cdu;

/// <summary>The members register: R.1112-81 to R.1112-84 (composition, offices, mediators, patient representatives).</summary>
public sealed class CduMemberService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The members, by category then name; inactive ones only when asked.</summary>
    public async Task<IReadOnlyList<CduMember>> ListAsync(bool includeInactive = false, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var members = await db.CduMembers.AsNoTracking().Where(m => includeInactive || m.Active).ToListAsync(ct);
        return members.OrderBy(m => m.Category).ThenBy(m => m.IsDeputy).ThenBy(m => m.FullName, StringComparer.Ordinal).ToList();
    }

    /// <summary>The active member signed in as <paramref name="userName"/>, if any.</summary>
    public async Task<CduMember?> FindByUserNameAsync(string userName, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.CduMembers.AsNoTracking().FirstOrDefaultAsync(m => m.Active && m.UserName == userName, ct);
    }

    /// <summary>
    /// Creates or updates a member after the validator has checked him against the other stored members (offices,
    /// seats, the medical mediators' departments). An empty mandate end becomes start + 3 years.
    /// </summary>
    public async Task<CduMember> SaveAsync(CduMember member, CancellationToken ct = default)
    {
        Tidy(member);
        if (member.MandateEnd == default && member.MandateStart != default)
            member.MandateEnd = CduMember.DefaultMandateEnd(member.MandateStart);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var all = await db.CduMembers.ToListAsync(ct);
        Validate(member, all);
        if (member.UserName is { } user && all.Any(o => o.Id != member.Id && o.Active && o.UserName == user))
            throw new CaseRuleException($"L'identifiant « {user} » est déjà celui d'un autre membre actif.");
        var current = all.FirstOrDefault(m => m.Id == member.Id);
        if (current is null)
            db.CduMembers.Add(member);
        else
            db.Entry(current).CurrentValues.SetValues(member);
        await db.SaveChangesAsync(ct);
        return member;
    }

    /// <summary>
    /// Renews a mandate for another 3 years from its end. A president or vice-president is renewed in his office too,
    /// which R.1112-81-1 allows twice: a third renewal is refused with the reason.
    /// </summary>
    public async Task<CduMember> RenewAsync(Guid memberId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var all = await db.CduMembers.ToListAsync(ct);
        var member = all.FirstOrDefault(m => m.Id == memberId) ?? throw new CaseRuleException("Ce membre n'existe plus.");
        if (!member.Active)
            throw new CaseRuleException("Le mandat d'un membre inactif ne peut pas être renouvelé.");
        member.MandateStart = member.MandateEnd;
        member.MandateEnd = CduMember.DefaultMandateEnd(member.MandateStart);
        member.Renewals++;
        if (member.Office != CduOffice.None)
            member.OfficeRenewals++;
        Validate(member, all);
        await db.SaveChangesAsync(ct);
        return member;
    }

    /// <summary>Active members whose mandate ends within <paramref name="monthsAhead"/> months of today (Paris) or has ended.</summary>
    public async Task<IReadOnlyList<MandateAlert>> GetMandateAlertsAsync(int monthsAhead = 6, CancellationToken ct = default) =>
        CduMandates.MandateAlerts(await ListAsync(false, ct), ParisCalendar.Today(clock), monthsAhead);

    private static void Validate(CduMember member, IReadOnlyCollection<CduMember> all)
    {
        var result = new CduMemberValidator(all).Validate(member);
        if (!result.IsValid)
            throw new CaseValidationException(result.Errors);
    }

    private static void Tidy(CduMember member)
    {
        member.FullName = member.FullName.Trim();
        member.Department = TypedText.NullIfBlank(member.Department);
        member.Association = TypedText.NullIfBlank(member.Association);
        member.UserName = TypedText.NullIfBlank(member.UserName);
        member.Email = TypedText.NullIfBlank(member.Email);
        if (member.Office == CduOffice.None)
            member.OfficeRenewals = 0;
    }

}
