using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Cdu;
using RelationsUsagers.Core.Complaints;
using RelationsUsagers.Core.Documents;
using RelationsUsagers.Core.Letters;
using RelationsUsagers.Core.Mediation;
using RelationsUsagers.Core.Tests.Mediation;

namespace RelationsUsagers.Core.Tests.Letters;

/// <summary>
/// The mediation invitation (R.1112-93) written from the meeting booked in the Médiation tab: its date, time, place and
/// mediator; typed by the officer only while none is booked. Read back from the generated .docx.
/// </summary>
public abstract class MediationInvitationLetterTests : IAsyncLifetime
{
    protected abstract DatabaseProvider Provider { get; }

    private readonly string _storageRoot = Path.Combine(Path.GetTempPath(), "relations-usagers-tests", "invitation-" + Guid.NewGuid().ToString("N"));
    private TestDatabase _database = null!;
    private LetterService _letters = null!;
    private MediationService _mediation = null!;
    private CaseFile _complaint = null!;
    private readonly CduMember _mediator = MediationTestData.MedicalMediator();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Code => ComplaintLetters.MediationInvitation.Code;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Provider, Ct);
        await using (var db = _database.CreateContext())
        {
            db.CduMembers.Add(_mediator);
            db.Establishments.Add(DemoEstablishment.Create());
            await db.SaveChangesAsync(Ct);
        }
        var cases = _database.CreateService();
        _letters = new LetterService(_database.Factory, new CaseDocumentService(_database.Factory, new DocumentStorage(_storageRoot)), cases, _database.Clock);
        _mediation = new MediationService(_database.Factory, cases, _database.Clock);
        var draft = TestCases.Complaint();
        (draft.MediationType, draft.MediatorName) = (MediationType.Medical, "Dr Anne Roy");
        var created = await cases.CreateAsync(draft, Ct);
        // Referred on 13 March 2026 (today is the 15th): the meeting is due by the 21st.
        _complaint = await cases.TakeStepAsync(created.Id, created.ConcurrencyStamp, "refer-mediator", new StepInput(new DateOnly(2026, 3, 13)), ct: Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        if (Directory.Exists(_storageRoot))
            Directory.Delete(_storageRoot, recursive: true);
    }

    private Task<MediationAppointment> BookAsync(int day, TimeOnly time, string place) =>
        _mediation.BookAsync(_complaint.Id, new AppointmentRequest(new DateOnly(2026, 3, day), time, 60, place, [_mediator.Id]), Ct);

    private async Task<MediationAppointment> CancelledOn18MarchAsync()
    {
        var cancelled = await BookAsync(18, new TimeOnly(9, 0), "Salle 2");
        return await _mediation.CancelAsync(cancelled.Id, cancelled.ConcurrencyStamp, "Plaignant indisponible", Ct);
    }

    private static readonly Dictionary<string, string?> Nothing = [];

    private static string Invitation(byte[] docx) =>
        Assert.Single(LetterDocx.Paragraphs(docx), p => p.StartsWith("Suite à votre réclamation", StringComparison.Ordinal));

    [Fact]
    public async Task The_invitation_says_the_booked_meeting_s_date_time_place_and_mediator_and_asks_nothing()
    {
        await CancelledOn18MarchAsync();
        await BookAsync(20, new TimeOnly(14, 30), "Bureau des usagers, bâtiment A");

        var draft = await _letters.PrepareAsync(_complaint.Id, Code, null, Nothing, Ct);
        // What the officer would type is ignored: the booked meeting is the one the complainant is invited to.
        var (_, content) = await _letters.GenerateAsync(_complaint.Id, Code, null,
            new Dictionary<string, string?> { [LetterFields.AppointmentOn.Code] = "1er avril 2026" }, Ct);

        Assert.Empty(draft.Typed);
        Assert.True(draft.Ready, string.Join(" ", draft.Missing));
        Assert.Equal("Suite à votre réclamation, le médiateur Dr Anne Roy (médicale) a été saisi. Il vous propose de vous rencontrer le " +
                     "20 mars 2026 à 14\u00A0h\u00A030, Bureau des usagers, bâtiment A.", Invitation(content));
    }

    [Fact]
    public async Task Without_a_meeting_booked_the_officer_types_its_date_time_and_place()
    {
        await CancelledOn18MarchAsync();

        var draft = await _letters.PrepareAsync(_complaint.Id, Code, null, Nothing, Ct);
        var refusal = await Assert.ThrowsAsync<CaseRuleException>(() => _letters.GenerateAsync(_complaint.Id, Code, null, Nothing, Ct));
        var (_, content) = await _letters.GenerateAsync(_complaint.Id, Code, null, new Dictionary<string, string?>
        {
            [LetterFields.AppointmentOn.Code] = "19 mars 2026", [LetterFields.AppointmentTime.Code] = "11 h", [LetterFields.AppointmentPlace.Code] = "Salle 4",
        }, Ct);

        Assert.Equal([LetterFields.AppointmentOn, LetterFields.AppointmentTime, LetterFields.AppointmentPlace], draft.Typed);
        Assert.Contains("« Date du rendez-vous » inconnu(e)", refusal.Message);
        Assert.Equal("Suite à votre réclamation, le médiateur Dr Anne Roy (médicale) a été saisi. Il vous propose de vous rencontrer le " +
                     "19 mars 2026 à 11 h, Salle 4.", Invitation(content));
    }

    [Fact]
    public async Task A_meeting_already_past_is_no_invitation_the_next_one_is()
    {
        var past = await BookAsync(16, new TimeOnly(10, 0), "Salle 2");
        await BookAsync(21, new TimeOnly(9, 0), "Salle 3");
        _database.Clock.Advance(TimeSpan.FromDays(2)); // 17 March: the 16th's meeting, not yet marked held, is behind us.
        Assert.Equal(MediationAppointmentStatus.Planned, (await _mediation.ForCaseAsync(_complaint.Id, Ct)).Single(a => a.Id == past.Id).Status);

        var content = await _letters.RenderAsync(_complaint.Id, Code, null, Nothing, Ct);

        Assert.EndsWith("le 21 mars 2026 à 9\u00A0h, Salle 3.", Invitation(content));
    }
}

public sealed class SqliteMediationInvitationLetterTests : MediationInvitationLetterTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlMediationInvitationLetterTests : MediationInvitationLetterTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
