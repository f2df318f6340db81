using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Complaints;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Expressions;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Core.Tests.Expressions;

/// <summary>The quick log: praise and desk visits without a patient, counted by service, turned into a complaint in one step.</summary>
public abstract class ExpressionServiceTests : IAsyncLifetime
{
    protected abstract DatabaseProvider Provider { get; }

    private TestDatabase _database = null!;
    private ExpressionService _expressions = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Provider, Ct);
        _expressions = new ExpressionService(_database.Factory, _database.CreateService(), _database.Clock);
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private static UserExpression Praise(string? service = "Maternité", int day = 14) => new()
    {
        Kind = ExpressionKind.Praise, OccurredOn = new DateOnly(2026, 3, day), Channel = Channel.Mail, Service = service,
        Text = "Merci à toute l'équipe pour sa gentillesse pendant mon séjour.",
    };

    [Fact]
    public async Task Praise_is_logged_without_a_patient_and_the_trail_holds_no_personal_datum()
    {
        var draft = Praise();
        draft.PersonName = "Mme Lucie Bernard";
        var logged = await _expressions.LogAsync(draft, Ct);

        Assert.Equal((ExpressionKind.Praise, "Mme Lucie Bernard", TestDatabase.DefaultUserName), (logged.Kind, logged.PersonName, logged.RecordedBy));
        await using var db = _database.CreateContext();
        var line = await db.AuditEntries.SingleAsync(a => a.Action == ExpressionService.LoggedAction, Ct);
        Assert.Equal("Éloge du 14/03/2026, Maternité", line.Details);
    }

    [Fact]
    public async Task An_expression_without_text_or_in_the_future_is_refused_in_french_at_its_field()
    {
        var draft = Praise(day: 16);
        draft.Text = " ";
        Assert.Equal([(nameof(UserExpression.Text), "Indiquez ce qui a été exprimé."), (nameof(UserExpression.OccurredOn), "La date ne peut pas être dans le futur.")],
            _expressions.Problems(draft));
        await Assert.ThrowsAsync<CaseRuleException>(() => _expressions.LogAsync(draft, Ct));
    }

    [Fact]
    public async Task Expressions_are_counted_by_kind_and_service()
    {
        await _expressions.LogAsync(Praise(), Ct);
        await _expressions.LogAsync(Praise(), Ct);
        await _expressions.LogAsync(Praise("Urgences"), Ct);
        var visit = Praise(null);
        visit.Kind = ExpressionKind.DeskVisit;
        await _expressions.LogAsync(visit, Ct);

        var counts = await _expressions.CountsAsync(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), Ct);

        Assert.Equal([new ExpressionCount(ExpressionKind.Praise, "Maternité", 2), new ExpressionCount(ExpressionKind.Praise, "Urgences", 1),
                      new ExpressionCount(ExpressionKind.DeskVisit, "Non précisé", 1)], counts);
    }

    [Fact]
    public async Task A_remark_that_is_a_complaint_becomes_a_complaint_file_in_one_step_keeping_the_link()
    {
        var remark = Praise("Urgences");
        (remark.Kind, remark.Text, remark.Motive, remark.PersonName) =
            (ExpressionKind.Remark, "Six heures d'attente aux Urgences sans aucune information.", ComplaintMotive.WaitingTimes, "M. Paul Girard");
        var logged = await _expressions.LogAsync(remark, Ct);
        var complaint = new Complaint { Patient = new Patient { LastName = "Girard", FirstName = "Paul" } };

        var created = await _expressions.ConvertToComplaintAsync(logged.Id, complaint, Ct);

        var file = (Complaint)(await _database.CreateService().OpenAsync(created.Id, Ct))!;
        Assert.Equal((new DateOnly(2026, 3, 14), Channel.Mail, "Six heures d'attente aux Urgences sans aucune information.", "M. Paul Girard"),
            (file.ReceivedOn, file.Channel, file.Summary, file.Requester.Name));
        Assert.Equal(["Urgences"], file.Services);
        Assert.Contains(ComplaintMotive.WaitingTimes, file.Motives);
        var again = await Assert.ThrowsAsync<CaseRuleException>(() => _expressions.ConvertToComplaintAsync(logged.Id, new Complaint(), Ct));
        Assert.Equal($"Cette expression est déjà devenue la réclamation {created.Reference}.", again.Message);
        await using var db = _database.CreateContext();
        Assert.Equal(created.Reference, (await db.UserExpressions.SingleAsync(Ct)).ComplaintReference);
        Assert.Single(await db.AuditEntries.Where(a => a.Action == ExpressionService.ConvertedAction && a.CaseFileId == created.Id).ToListAsync(Ct));
    }
}

public sealed class SqliteExpressionServiceTests : ExpressionServiceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlExpressionServiceTests : ExpressionServiceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
