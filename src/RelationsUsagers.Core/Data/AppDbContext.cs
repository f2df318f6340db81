using System.Linq.Expressions;
using System.Reflection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using RelationsUsagers.Core.AccessRequests;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Claims;
using RelationsUsagers.Core.Complaints;
using RelationsUsagers.Core.Requisitions;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Core.Data;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options, ICurrentUser currentUser, TimeProvider clock)
    : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
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
    public DbSet<Insurance.InsurancePolicy> InsurancePolicies => Set<Insurance.InsurancePolicy>();
    public DbSet<Insurance.PremiumCall> PremiumCalls => Set<Insurance.PremiumCall>();
    public DbSet<Insurance.ClaimCover> ClaimCovers => Set<Insurance.ClaimCover>();
    public DbSet<Insurance.LedgerEntry> LedgerEntries => Set<Insurance.LedgerEntry>();
    public DbSet<Insurance.LedgerCorrection> LedgerCorrections => Set<Insurance.LedgerCorrection>();
    public DbSet<ServiceAlias> ServiceAliases => Set<ServiceAlias>();

    /// <summary>ASP.NET Core's data-protection keys: every instance of the portal reads the cookies the others signed.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Whether this context runs on PostgreSQL (raw SQL and locks differ from SQLite's).</summary>
    internal bool IsPostgreSql => Database.ProviderName == PostgreSqlProviderName;

    internal const string PostgreSqlProviderName = "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>Extra audit lines (e.g. "opened") added by services; written with the next save.</summary>
    internal string CurrentUserName => currentUser.UserName;
    internal DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // Instants are UTC everywhere in the portal (AtUtc, UpdatedAtUtc...), but some are built without a kind (demo data,
        // tests): SQLite stores them as text whatever their kind, Npgsql writes only Kind=Utc to timestamptz. The same
        // value reaches both databases.
        if (IsPostgreSql)
            configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        ApplyConfigurations(builder);
        builder.Entity<CaseFile>().HasQueryFilter(VisibleCases());
    }

    private static readonly MethodInfo ApplyConfiguration = typeof(ModelBuilder).GetMethods().Single(m =>
        m.Name == nameof(ModelBuilder.ApplyConfiguration)
        && m.GetParameters()[0].ParameterType.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>));

    /// <summary>
    /// Every entity configuration of this assembly, in the order of their names, as <c>ApplyConfigurationsFromAssembly</c> would
    /// apply them; but that reads every constructor of every type of the assembly, which loads the libraries they name
    /// (ClosedXML, the Open XML SDK, System.Xml: several MB resident in a process that only reads the database). Here only the
    /// interfaces of each type are read.
    /// </summary>
    private static void ApplyConfigurations(ModelBuilder builder)
    {
        var configurations = typeof(AppDbContext).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, ContainsGenericParameters: false })
            .SelectMany(t => t.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>))
                .Select(i => (Type: t, Entity: i.GenericTypeArguments[0])))
            .OrderBy(c => c.Type.FullName, StringComparer.Ordinal);
        foreach (var (type, entity) in configurations)
            ApplyConfiguration.MakeGenericMethod(entity).Invoke(builder, [Activator.CreateInstance(type, nonPublic: true)]);
    }

    /// <summary>Whether the user this context acts for holds <paramref name="permission"/> (read again by each query).</summary>
    internal bool Holds(string permission) => currentUser.Holds(permission);

    /// <summary>
    /// The kinds restricted to a permission (protection fonctionnelle, CGFP L.134-1 ff.) are left out of every query of a
    /// user who does not hold it: the queue, the searches, a person's cases, the exports, the CDU, a direct address. The
    /// filter calls <see cref="Holds"/> on this very context, which EF Core evaluates for the context running each query.
    /// Code that must read every case whoever acts (the pseudonymiser's index of names) says so with IgnoreQueryFilters.
    /// </summary>
    private Expression<Func<CaseFile, bool>> VisibleCases()
    {
        var file = Expression.Parameter(typeof(CaseFile), "c");
        var holds = typeof(AppDbContext).GetMethod(nameof(Holds), BindingFlags.Instance | BindingFlags.NonPublic)!;
        Expression body = Expression.Constant(true);
        foreach (var kind in CaseKinds.All.Where(k => k.Permission is not null))
            body = Expression.AndAlso(body, Expression.OrElse(
                Expression.NotEqual(Expression.Property(file, nameof(CaseFile.Kind)), Expression.Constant(kind.Kind)),
                Expression.Call(Expression.Constant(this), holds, Expression.Constant(kind.Permission))));
        return Expression.Lambda<Func<CaseFile, bool>>(body, file);
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
        if (IsPostgreSql && AuditChain.HasAdded(this))
        {
            // PostgreSQL has many writers, and a failed insert spoils the caller's transaction: the audit rows' numbers are
            // taken under a lock held until the transaction ends, instead of being tried again.
            var own = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
            try
            {
                AuditChain.Lock(this);
                AuditChain.SealAdded(this);
                var saved = base.SaveChanges(acceptAllChangesOnSuccess);
                own?.Commit();
                return saved;
            }
            finally
            {
                own?.Dispose();
            }
        }
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
        if (IsPostgreSql && AuditChain.HasAdded(this))
        {
            // As in SaveChanges: numbered under a lock on PostgreSQL.
            var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
            try
            {
                await AuditChain.LockAsync(this, cancellationToken);
                AuditChain.SealAdded(this);
                var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
                if (own is not null)
                    await own.CommitAsync(cancellationToken);
                return saved;
            }
            finally
            {
                if (own is not null)
                    await own.DisposeAsync();
            }
        }
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

/// <summary>A DateTime as a UTC instant, whatever kind it was built with (an unspecified kind is read as UTC).</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v, DateTimeKind.Utc),
    v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v, DateTimeKind.Utc));
