using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.AccessRequests;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Clock;
using RelationsUsagers.Core.Documents;
using RelationsUsagers.Core.Letters;

namespace RelationsUsagers.Core.Tests.AccessRequests;

/// <summary>
/// The legal clock's record-access rules through the service (received 2 March 2026, today 15 March 2026): the five-year
/// reading written on every save (R.1111-1 al.4), the on-site consultation offered (R.1111-2), the CADA facts on a refused
/// request (CRPA L.342-1, R.343-1, R.343-3).
/// </summary>
public abstract class AccessRequestClockRuleTests
{
    protected abstract DatabaseProvider Provider { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static async Task<AccessRequest> StoredAsync(TestDatabase database, Guid id)
    {
        await using var db = database.CreateContext();
        return await db.AccessRequests.AsNoTracking().Include(r => r.Events).SingleAsync(r => r.Id == id, Ct);
    }

    [Fact]
    public async Task Every_save_writes_the_five_year_reading_from_the_information_date()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var service = database.CreateService();
        // Received 02/03/2026, information of 02/03/2021: exactly five years → 8 days, due 10/03/2026.
        var draft = TestCases.AccessRequest();
        draft.MostRecentInformationOn = D(2021, 3, 2);
        var created = await service.CreateAsync(draft, Ct);
        var stored = await StoredAsync(database, created.Id);
        Assert.Equal((false, D(2026, 3, 10), DelaySettings.Access8Days), (stored.InformationOlderThanFiveYears, stored.NextDueOn, stored.NextDueCode));

        // Information of 01/03/2021: five years and a day → 2 months, due 02/05/2026; a stale box sent by the form is ignored.
        stored.MostRecentInformationOn = D(2021, 3, 1);
        stored.InformationOlderThanFiveYears = false;
        await service.UpdateAsync(stored, Ct);
        stored = await StoredAsync(database, created.Id);
        Assert.Equal((true, D(2026, 5, 2), DelaySettings.Access2Months), (stored.InformationOlderThanFiveYears, stored.NextDueOn, stored.NextDueCode));

        // The officer's reading (mixed periods) wins, with its reason.
        (stored.InformationAgeOverride, stored.InformationAgeOverrideReason) = (false, "Séjour de 2026 demandé aussi.");
        await service.UpdateAsync(stored, Ct);
        stored = await StoredAsync(database, created.Id);
        Assert.Equal((false, D(2026, 3, 10)), (stored.InformationOlderThanFiveYears, stored.NextDueOn));
    }

    [Fact]
    public async Task An_override_without_its_reason_is_refused_at_the_field_in_French()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var draft = TestCases.AccessRequest();
        draft.InformationAgeOverride = true;

        var refused = await Assert.ThrowsAsync<CaseValidationException>(() => database.CreateService().CreateAsync(draft, Ct));

        var error = Assert.Single(refused.Errors);
        Assert.Equal((nameof(AccessRequest.InformationAgeOverrideReason),
                "Indiquez pourquoi l'ancienneté retenue diffère du calcul par la date des informations (périodes mixtes…)."),
            (error.PropertyName, error.ErrorMessage));
    }

    [Fact]
    public async Task An_information_date_in_the_future_is_refused()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var draft = TestCases.AccessRequest();
        draft.MostRecentInformationOn = D(2026, 3, 16);

        var refused = await Assert.ThrowsAsync<CaseValidationException>(() => database.CreateService().CreateAsync(draft, Ct));

        Assert.Equal("La date de l'information la plus récente demandée ne peut pas être dans le futur.", Assert.Single(refused.Errors).ErrorMessage);
    }

    [Fact]
    public async Task An_on_site_consultation_offered_meets_the_delay_and_the_request_waits_on_the_requester()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var service = database.CreateService();
        var file = await service.CreateAsync(TestCases.AccessRequest(), Ct);
        file = await service.TakeStepAsync(file.Id, file.ConcurrencyStamp, "complete", new StepInput(D(2026, 3, 3)), ct: Ct);

        // Offered on 09/03 (legal due 10/03), the requester comes on 13/03.
        file = await service.TakeStepAsync(file.Id, file.ConcurrencyStamp, AccessRequestKind.OfferOnSiteStep,
            new StepInput(D(2026, 3, 9), "Le 13/03 à 10 h, accompagnement médical proposé."), ct: Ct);

        var offered = await StoredAsync(database, file.Id);
        Assert.Equal((CaseStatus.Complete, D(2026, 3, 9)), (offered.Status, offered.OnSiteOfferedOn));
        Assert.Equal("Rendez-vous proposé : Le 13/03 à 10 h, accompagnement médical proposé.",
            Assert.Single(offered.Events, e => e.Type == CaseEventTypes.OnSiteOffered).Note);
        Assert.Equal((Actor.Requester, D(2026, 3, 9), (DateOnly?)null), (offered.WaitingOn, offered.WaitingSince, offered.NextDueOn));

        file = await service.TakeStepAsync(file.Id, file.ConcurrencyStamp, AccessRequestKind.OnSiteStep, new StepInput(D(2026, 3, 13)), ct: Ct);

        var consulted = await StoredAsync(database, file.Id);
        Assert.Equal((CaseStatus.Sent, D(2026, 3, 13), (Actor?)null), (consulted.Status, consulted.SentOn, consulted.WaitingOn));
        var legal = (await new LegalClockService(database.Factory, database.Clock).GetDeadlinesAsync(file.Id, Ct))
            .Single(d => d.Code == DelaySettings.Access8Days && !d.FromCompleteRequest);
        Assert.Equal((D(2026, 3, 10), D(2026, 3, 9), DeadlineState.Done), (legal.DueOn, legal.DoneOn, legal.State));
    }

    [Fact]
    public async Task No_consultation_is_offered_while_a_proof_is_missing()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var service = database.CreateService();
        var draft = TestCases.AccessRequest();
        draft.ProofsReceived = [];
        var file = await service.CreateAsync(draft, Ct);

        var refused = await Assert.ThrowsAsync<CaseRuleException>(() =>
            service.TakeStepAsync(file.Id, file.ConcurrencyStamp, AccessRequestKind.OfferOnSiteStep, new StepInput(D(2026, 3, 9)), ct: Ct));

        Assert.Equal("Pièces manquantes : Pièce d'identité.", refused.Message);
        Assert.Null((await StoredAsync(database, file.Id)).OnSiteOfferedOn);
    }

    /// <summary>A request received 02/03/2026 and refused, with its reason, on 04/03 (R.1111-7).</summary>
    private static async Task<CaseFile> RefusedOnFourMarchAsync(CaseFileService service)
    {
        var file = await service.CreateAsync(TestCases.AccessRequest(), Ct);
        return await service.TakeStepAsync(file.Id, file.ConcurrencyStamp, "refuse", new StepInput(D(2026, 3, 4), "Dossier détruit à l'issue de sa conservation."), ct: Ct);
    }

    [Fact]
    public async Task The_CADA_referral_and_opinion_are_recorded_on_a_refused_request_which_never_turns_late()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var service = database.CreateService();
        var file = await RefusedOnFourMarchAsync(service);

        file = await service.AddEventAsync(file.Id, file.ConcurrencyStamp, CaseEventTypes.CadaReferred, D(2026, 3, 12), "Saisine reçue en copie.", Ct);
        file = await service.AddEventAsync(file.Id, file.ConcurrencyStamp, CaseEventTypes.CadaOpinion, D(2026, 3, 14), null, Ct);

        var stored = await StoredAsync(database, file.Id);
        Assert.Equal((CaseStatus.Refused, D(2026, 3, 12), D(2026, 3, 14)), (stored.Status, stored.CadaReferredOn, stored.CadaOpinionOn));
        Assert.Equal(((DateOnly?)null, (string?)null, false), (stored.NextDueOn, stored.NextDueCode, stored.ClockSuspended));
        // Refused 04/03 → CADA by 04/05 (met 12/03); the CADA's month from 12/03 → 12/04 (met 14/03).
        var deadlines = await new LegalClockService(database.Factory, database.Clock).GetDeadlinesAsync(file.Id, Ct);
        var referral = Assert.Single(deadlines, d => d.Code == DelaySettings.AccessCadaReferral);
        Assert.Equal((D(2026, 5, 4), D(2026, 3, 12), DeadlineState.Done), (referral.DueOn, referral.DoneOn, referral.State));
        var opinion = Assert.Single(deadlines, d => d.Code == DelaySettings.AccessCadaOpinion);
        Assert.Equal((D(2026, 4, 12), D(2026, 3, 14), DeadlineState.Done), (opinion.DueOn, opinion.DoneOn, opinion.State));
    }

    [Fact]
    public async Task A_CADA_opinion_dated_before_the_referral_is_refused()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var service = database.CreateService();
        var file = await RefusedOnFourMarchAsync(service);
        file = await service.AddEventAsync(file.Id, file.ConcurrencyStamp, CaseEventTypes.CadaReferred, D(2026, 3, 12), null, Ct);

        var refused = await Assert.ThrowsAsync<CaseValidationException>(() =>
            service.AddEventAsync(file.Id, file.ConcurrencyStamp, CaseEventTypes.CadaOpinion, D(2026, 3, 10), null, Ct));

        Assert.Equal("La date de l'avis de la CADA ne peut pas précéder la date de sa saisine.", refused.Message);
        Assert.Null((await StoredAsync(database, file.Id)).CadaOpinionOn);
    }

    [Theory]
    // Received 02/03/2026, information of 2024: a month's silence → refusal on 2 April 2026 (CRPA R.311-13).
    [InlineData(2024, "2 avril 2026")]
    // Information of 2015: the office has 2 months (L.1111-7 al.2), no refusal before 2 May 2026.
    [InlineData(2015, "2 mai 2026")]
    public async Task The_acknowledgement_gives_the_implicit_refusal_date_of_the_clock(int informationYear, string expected)
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var storage = Path.Combine(Path.GetTempPath(), "relations-usagers-tests", "letters-" + Guid.NewGuid().ToString("N"));
        var letters = new LetterService(database.Factory, new CaseDocumentService(database.Factory, new DocumentStorage(storage)), database.CreateService(), database.Clock);
        // The letterhead as the demo stores it (saving it through the service is the manager's).
        await using (var db = database.CreateContext())
        {
            db.Establishments.Add(DemoEstablishment.Create());
            await db.SaveChangesAsync(Ct);
        }
        var draft = TestCases.AccessRequest();
        draft.MostRecentInformationOn = D(informationYear, 6, 1);
        var file = await database.CreateService().CreateAsync(draft, Ct);

        var letter = await letters.PrepareAsync(file.Id, AccessRequestLetters.Acknowledgement.Code, null, new Dictionary<string, string?>(), Ct);

        Assert.Equal(expected, letter.Values[LetterFields.ImplicitDecisionOn.Code]);
    }
}

public sealed class SqliteAccessRequestClockRuleTests : AccessRequestClockRuleTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlAccessRequestClockRuleTests : AccessRequestClockRuleTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
