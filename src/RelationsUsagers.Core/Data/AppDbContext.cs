using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.AccessRequests;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Claims;
using RelationsUsagers.Core.Complaints;
using RelationsUsagers.Core.Requisitions;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Core.Data;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options, ICurrentUser currentUser, TimeProvider clock)
    : IdentityDbContext<AppUser>(options)
{
    public DbSet<CaseFile> CaseFiles => Set<CaseFile>();
    public DbSet<AccessRequest> AccessRequests => Set<AccessRequest>();
    public DbSet<Complaint> Complaints => Set<Complaint>();
    public DbSet<IndemnityClaim> IndemnityClaims => Set<IndemnityClaim>();
    public DbSet<Requisition> Requisitions => Set<Requisition>();
    public DbSet<CaseEvent> CaseEvents => Set<CaseEvent>();
    public DbSet<CaseDocument> CaseDocuments => Set<CaseDocument>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ReferenceCounter> ReferenceCounters => Set<ReferenceCounter>();
    public DbSet<Clock.DelaySetting> DelaySettings => Set<Clock.DelaySetting>();
    public DbSet<Clock.ClockSuspension> ClockSuspensions => Set<Clock.ClockSuspension>();
    public DbSet<Cdu.CduMember> CduMembers => Set<Cdu.CduMember>();
    public DbSet<Cdu.CduMeeting> CduMeetings => Set<Cdu.CduMeeting>();
    public DbSet<Cdu.CduAttendance> CduAttendances => Set<Cdu.CduAttendance>();
    public DbSet<Cdu.AgendaItem> AgendaItems => Set<Cdu.AgendaItem>();
    public DbSet<Cdu.CduRecommendation> CduRecommendations => Set<Cdu.CduRecommendation>();
    public DbSet<DatabaseFact> DatabaseFacts => Set<DatabaseFact>();
    public DbSet<Letters.Establishment> Establishments => Set<Letters.Establishment>();
    public DbSet<Letters.LetterTemplate> LetterTemplates => Set<Letters.LetterTemplate>();
    public DbSet<Mediation.MediationAppointment> MediationAppointments => Set<Mediation.MediationAppointment>();
    public DbSet<Mediation.MediationMinutes> MediationMinutes => Set<Mediation.MediationMinutes>();
    public DbSet<Expressions.UserExpression> UserExpressions => Set<Expressions.UserExpression>();

    /// <summary>Extra audit lines (e.g. "opened") added by services; written with the next save.</summary>
    internal string CurrentUserName => currentUser.UserName;
    internal DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    /// <remarks>
    /// Audit rows are numbered and linked (<see cref="AuditChain"/>) from the last row read just before the save. Another
    /// writer may take that number first: the number is the key, so the insert fails instead of forking the chain, and the
    /// save (all or nothing) is tried again from the new last row. No transaction is held across the read: a save waiting
    /// for the single SQLite writer would otherwise hold the lock while another save of the same user (a test's
    /// interleaving, a nested service call) waits for it.
    /// </remarks>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        AuditTrail.BeforeSave(this);
        for (var attempt = 1; ; attempt++)
        {
            AuditChain.SealAdded(this);
            try
            {
                return base.SaveChanges(acceptAllChangesOnSuccess);
            }
            catch (DbUpdateException ex) when (attempt < AuditChain.Attempts && AuditChain.IsNumberTaken(ex))
            {
            }
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        AuditTrail.BeforeSave(this);
        for (var attempt = 1; ; attempt++)
        {
            AuditChain.SealAdded(this);
            try
            {
                return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
            catch (DbUpdateException ex) when (attempt < AuditChain.Attempts && AuditChain.IsNumberTaken(ex))
            {
            }
        }
    }

}

/// <summary>Last sequence number given per kind and year; a reference is never reused.</summary>
public sealed class ReferenceCounter
{
    public CaseKind Kind { get; set; }
    public int Year { get; set; }
    public int LastValue { get; set; }
}
