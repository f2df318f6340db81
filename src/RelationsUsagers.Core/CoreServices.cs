using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Data;

namespace RelationsUsagers.Core;

public static class CoreServices
{
    /// <summary>
    /// The database and the feature services. The context factory is scoped so that each context knows the
    /// user of the circuit or request (<see cref="Security.ICurrentUser"/>) for the audit trail.
    /// </summary>
    public static IServiceCollection AddCore(this IServiceCollection services, string connectionString, CoreSettings? settings = null,
        DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        settings ??= new CoreSettings();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(settings.CopyFees);
        services.AddSingleton(new AccessRequests.Tracking.TrackingOptions { OnTimeFrom = settings.OnTimeFrom });
        services.AddDbContextFactory<AppDbContext>(options => Configure(options, connectionString, provider), ServiceLifetime.Scoped);
        services.AddSingleton<CaseValidators>();
        services.AddSingleton<CaseChanges>();
        // Several instances share a PostgreSQL database: each listens for the others' changes (LISTEN/NOTIFY).
        if (provider == DatabaseProvider.PostgreSql)
            services.AddHostedService(sp => new CaseChangeListener(sp.GetRequiredService<CaseChanges>(), connectionString,
                sp.GetService<Microsoft.Extensions.Logging.ILogger<CaseChangeListener>>()));
        services.AddScoped<CaseFileService>();
        services.AddScoped<PersonCasesService>();
        services.AddScoped<Queue.CaseQueueService>();
        services.AddScoped<Security.AuditService>();
        services.AddScoped<Security.CaseWorkerDirectory>();
        services.AddScoped<Clock.LegalClockService>();
        services.AddScoped<Clock.DelaySettingsService>();
        services.AddScoped<AccessRequests.Tracking.AccessRequestTrackingService>();
        services.AddScoped<Exports.ExportService>();
        services.AddSingleton(settings.ImportLimits);
        services.AddScoped<AccessRequests.Import.AccessDashboardImporter>();
        services.AddScoped<Complaints.Import.ComplaintsRegisterImporter>();
        services.AddScoped<Cases.ServiceAliasService>();
        services.AddScoped<Documents.CaseDocumentService>();
        services.AddScoped<Letters.LetterService>();
        services.AddScoped<Mediation.MediationService>();
        services.AddScoped<Expressions.ExpressionService>();
        services.AddSingleton(settings.Insurance);
        services.AddScoped<Insurance.InsuranceLedgerService>();
        services.AddScoped<Insurance.InsuranceLedgerWorkbook>();
        services.AddScoped<Cdu.CduMemberService>();
        services.AddScoped<Cdu.CduMeetingService>();
        services.AddScoped<Cdu.CduAgendaService>();
        services.AddScoped<Cdu.CduMemberViewService>();
        services.AddScoped<Cdu.CduPublicationCheckService>();
        services.AddScoped<Cdu.CduRecommendationService>();
        services.AddScoped<Cdu.AnnualReportService>();
        services.AddScoped<Exports.AnnualReportWorkbook>();
        services.TryAddSingleton(new Documents.DocumentStorage(Path.Combine(Path.GetTempPath(), "relations-usagers-documents")));
        return services;
    }

    /// <summary>
    /// One model, two databases: SQLite's migrations live in this assembly (Data/Migrations), PostgreSQL's in
    /// <see cref="PostgreSqlMigrationsAssembly"/>, generated from the same model (EF Core's migrations per provider).
    /// </summary>
    public static void Configure(DbContextOptionsBuilder options, string connectionString, DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(connectionString).AddInterceptors(new SqliteBusyTimeoutInterceptor());
                break;
            case DatabaseProvider.PostgreSql:
                options.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgreSqlMigrationsAssembly));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, null);
        }
    }

    /// <summary>The assembly that holds PostgreSQL's migrations; the portal references it so that it is loaded.</summary>
    public const string PostgreSqlMigrationsAssembly = "RelationsUsagers.Data.PostgreSql";
}

/// <summary>The database the portal runs on (setting Database:Provider).</summary>
public enum DatabaseProvider
{
    /// <summary>One file beside the portal: the embedded default.</summary>
    Sqlite,

    /// <summary>A database server (a hospital group's, several portal instances).</summary>
    PostgreSql,
}

/// <summary>The office's settings that rules read: the copy-cost ceiling (R.1111-2) and where "délai respecté" starts.</summary>
public sealed record CoreSettings
{
    public AccessRequests.CopyFeeSchedule CopyFees { get; init; } = AccessRequests.CopyFeeSchedule.Default;
    public AccessRequests.Tracking.OnTimeFrom OnTimeFrom { get; init; } = AccessRequests.Tracking.OnTimeFrom.CompleteRequest;
    public Imports.ImportLimits ImportLimits { get; init; } = new();
    /// <summary>The insurance ledger's setting: days after which an unpaid refund request is highlighted.</summary>
    public Insurance.InsuranceOptions Insurance { get; init; } = new();
}
