using System.Text;
using Told = System.Threading.Channels;
using RelationsUsagers.Core.AccessRequests;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Cdu;
using RelationsUsagers.Core.Claims;
using RelationsUsagers.Core.Documents;
using RelationsUsagers.Core.Insurance;
using RelationsUsagers.Core.Letters;
using RelationsUsagers.Core.Mediation;
using RelationsUsagers.Core.Requisitions;
using RelationsUsagers.Core.Tests.Mediation;

namespace RelationsUsagers.Core.Tests.Cases;

/// <summary>
/// Every save that changes what a case page or the queue shows tells the other users' pages (CaseChanges), once, after its
/// commit, with the case's id alone: documents, letters, mediation, requisition items, access proofs, insurance lines. On
/// PostgreSQL what is heard is what the portal's own listener raises from the NOTIFY the save sent.
/// </summary>
public abstract class CaseChangesPublishingTests : IAsyncLifetime
{
    protected abstract DatabaseProvider Provider { get; }

    private const string Manager = "s.benali";
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n");

    private readonly string _storageRoot = Path.Combine(Path.GetTempPath(), "relations-usagers-tests", "publishing-" + Guid.NewGuid().ToString("N"));
    private readonly CaseChanges _changes = new();
    /// <summary>What the recording subscriber heard, in order.</summary>
    private readonly Told.Channel<Guid?> _told = Told.Channel.CreateUnbounded<Guid?>();
    private TestDatabase _database = null!;
    private IAsyncDisposable _listening = null!;
    private CaseFileService _cases = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Provider, Ct);
        _listening = await _database.ListenAsync(_changes, Ct);
        _cases = new CaseFileService(_database.Factory, _database.CreateValidators(), _database.Clock, _changes);
        _changes.Changed += id => _told.Writer.TryWrite(id);
    }

    public async ValueTask DisposeAsync()
    {
        await _listening.DisposeAsync();
        await _database.DisposeAsync();
        if (Directory.Exists(_storageRoot))
            Directory.Delete(_storageRoot, recursive: true);
    }

    private CaseDocumentService Documents(string? userName = null) =>
        new(_database.FactoryFor(userName ?? TestDatabase.DefaultUserName), new DocumentStorage(_storageRoot), null, _changes);

    /// <summary>
    /// What the subscriber heard during <paramref name="save"/> alone. On PostgreSQL what earlier saves published may still
    /// be on its way: it is read up to a mark published before the save, and what the save told up to a mark published once
    /// it returned (notifications arrive in the order of their commits).
    /// </summary>
    private async Task<Guid?[]> ToldDuringAsync(Func<Task> save)
    {
        await ToldUntilMarkAsync();
        await save();
        return [.. await ToldUntilMarkAsync()];
    }

    /// <summary>Publishes a mark of its own and returns what was heard before it.</summary>
    private async Task<List<Guid?>> ToldUntilMarkAsync()
    {
        var mark = Guid.NewGuid();
        await using (var db = _database.CreateContext())
            await _changes.PublishAsync(db, mark);
        var told = new List<Guid?>();
        // The minute is only a guard against a hang: the mark arrives within milliseconds.
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        guard.CancelAfter(TimeSpan.FromMinutes(1));
        while (await _told.Reader.ReadAsync(guard.Token) is var id && id != mark)
            told.Add(id);
        return told;
    }

    [Fact]
    public async Task A_document_uploaded_then_withdrawn_is_told_once_each_with_the_case_id()
    {
        var file = await _cases.CreateAsync(TestCases.AccessRequest(), Ct);
        CaseDocument? document = null;

        Assert.Equal([file.Id], await ToldDuringAsync(async () =>
            document = await Documents().UploadAsync(file.Id, "courrier-patient.pdf", new MemoryStream(Pdf), Pdf.Length, "Courrier", Ct)));
        Assert.Equal([file.Id], await ToldDuringAsync(() => Documents(Manager).WithdrawAsync(file.Id, document!.Id, "Doublon", Ct)));
    }

    [Fact]
    public async Task A_refused_upload_tells_nobody()
    {
        var file = await _cases.CreateAsync(TestCases.AccessRequest(), Ct);
        var notPdf = Encoding.ASCII.GetBytes("not a pdf at all");

        Assert.Empty(await ToldDuringAsync(() => Assert.ThrowsAsync<CaseRuleException>(() =>
            Documents().UploadAsync(file.Id, "faux.pdf", new MemoryStream(notPdf), notPdf.Length, null, Ct))));
    }

    [Fact]
    public async Task A_letter_generated_then_recorded_as_sent_is_told_once_each_with_the_case_id()
    {
        var letters = new LetterService(_database.Factory, Documents(), _cases, _database.Clock);
        var manager = _database.FactoryFor(Manager);
        await new LetterService(manager, Documents(Manager), _database.CreateService(Manager), _database.Clock)
            .SaveEstablishmentAsync(DemoEstablishment.Create(), Ct);
        var claim = await _cases.CreateAsync(TestCases.IndemnityClaim(), Ct);

        Assert.Equal([claim.Id], await ToldDuringAsync(() => letters.GenerateAsync(claim.Id, ClaimLetters.Acknowledgement.Code, null,
            new Dictionary<string, string?>(), Ct)));
        Assert.Equal([claim.Id], await ToldDuringAsync(() => letters.RecordSendingAsync(claim.Id, claim.ConcurrencyStamp,
            ClaimLetters.Acknowledgement.Code, new StepInput(new DateOnly(2026, 3, 5)), Ct)));
    }

    [Fact]
    public async Task Each_mediation_save_from_booking_to_the_minutes_forwarded_is_told_once_with_the_case_id()
    {
        var mediator = MediationTestData.MedicalMediator();
        await using (var db = _database.CreateContext())
        {
            db.CduMembers.Add(mediator);
            await db.SaveChangesAsync(Ct);
        }
        var mediation = new MediationService(_database.Factory, _cases, _database.Clock, _changes);
        var created = await _cases.CreateAsync(TestCases.Complaint(), Ct);
        var complaint = await _cases.TakeStepAsync(created.Id, created.ConcurrencyStamp, "refer-mediator", new StepInput(new DateOnly(2026, 3, 13)), ct: Ct);
        AppointmentRequest Request(int day) => new(new DateOnly(2026, 3, day), new TimeOnly(14, 0), 60, "Bureau des usagers", [mediator.Id]);
        var id = complaint.Id;

        MediationAppointment booked = null!;
        Assert.Equal([id], await ToldDuringAsync(async () => booked = await mediation.BookAsync(id, Request(18), Ct)));
        Assert.Equal([id], await ToldDuringAsync(async () => booked = await mediation.RescheduleAsync(booked.Id, booked.ConcurrencyStamp, Request(16), "Salle prise", Ct)));
        var other = await mediation.BookAsync(id, Request(20), Ct);
        Assert.Equal([id], await ToldDuringAsync(() => mediation.CancelAsync(other.Id, other.ConcurrencyStamp, "Doublon", Ct)));
        _database.Clock.Advance(TimeSpan.FromDays(2)); // 17 March: the meeting of the 16th took place
        Assert.Equal([id], await ToldDuringAsync(() => mediation.RecordHeldAsync(booked.Id, booked.ConcurrencyStamp, Ct)));
        var minutes = await mediation.MinutesAsync(booked.Id, Ct);
        minutes.PersonsPresent = "Mme Garnier, plaignante ; Dr Roy, médiateur";
        minutes.Grievances = "« On ne m'a rien expliqué. »";
        Assert.Equal([id], await ToldDuringAsync(async () => minutes = await mediation.SaveMinutesAsync(minutes, submit: false, Ct)));
        Assert.Equal([id], await ToldDuringAsync(async () => minutes = await mediation.SaveMinutesAsync(minutes, submit: true, Ct)));
        var on = new DateOnly(2026, 3, 17);
        Assert.Equal([id], await ToldDuringAsync(async () => minutes = await mediation.RecordApprovalAsync(booked.Id, minutes.ConcurrencyStamp, true, on, Ct)));
        Assert.Equal([id], await ToldDuringAsync(async () => minutes = await mediation.SendToPresidentAsync(booked.Id, minutes.ConcurrencyStamp, on, Ct)));
        Assert.Equal([id], await ToldDuringAsync(() => mediation.ForwardAsync(booked.Id, minutes.ConcurrencyStamp, on, Ct)));
    }

    [Fact]
    public async Task A_requisition_item_decided_and_an_access_proof_ticked_are_told_once_with_the_case_id()
    {
        var requisition = (Requisition)await _cases.CreateAsync(TestCases.Requisition(), Ct);
        requisition.Items.Add(new RequisitionItem { Description = "Compte rendu des urgences", Nature = RequisitionItemNature.Medical });
        Assert.Equal([requisition.Id], await ToldDuringAsync(() => _cases.UpdateAsync(requisition, Ct)));

        var access = (AccessRequest)await _cases.CreateAsync(TestCases.AccessRequest(), Ct);
        access.ProofsReceived.Add(ProofKind.ParentageProof);
        Assert.Equal([access.Id], await ToldDuringAsync(() => _cases.UpdateAsync(access, Ct)));
    }

    [Fact]
    public async Task A_claim_s_insurance_lines_recorded_corrected_and_cancelled_are_told_once_each_with_the_case_id()
    {
        var ledger = new InsuranceLedgerService(_database.Factory, _database.Clock, new InsuranceOptions(90), _changes);
        var policy = await ledger.SavePolicyAsync(new InsurancePolicy
        {
            Insurer = "Mutuelle hospitalière d'assurance", PolicyNumber = "RCH-2026-0458", StartsOn = new DateOnly(2026, 1, 1),
            EndsOn = new DateOnly(2026, 12, 31), DeductiblePerClaim = 15_000m,
        }, ct: Ct);
        var claim = (IndemnityClaim)await _cases.CreateAsync(TestCases.IndemnityClaim(), Ct);

        ClaimCover cover = null!;
        Assert.Equal([claim.Id], await ToldDuringAsync(async () =>
            cover = await ledger.SaveCoverAsync(new ClaimCover { CaseFileId = claim.Id, PolicyId = policy.Id, Deductible = 15_000m }, ct: Ct)));
        Assert.Equal([claim.Id], await ToldDuringAsync(() =>
            ledger.SaveCoverAsync(new ClaimCover { Id = cover.Id, CaseFileId = claim.Id, PolicyId = policy.Id, Deductible = 10_000m }, "Avenant", Ct)));
        LedgerEntry entry = null!;
        Assert.Equal([claim.Id], await ToldDuringAsync(async () => entry = await ledger.SaveEntryAsync(
            new LedgerEntry { ClaimCoverId = cover.Id, Kind = LedgerEntryKind.HospitalPayment, On = new DateOnly(2026, 2, 1), Amount = 2_500m }, ct: Ct)));
        Assert.Equal([claim.Id], await ToldDuringAsync(() => ledger.SaveEntryAsync(
            new LedgerEntry { Id = entry.Id, ClaimCoverId = cover.Id, Kind = LedgerEntryKind.HospitalPayment, On = new DateOnly(2026, 2, 1), Amount = 2_600m },
            "Montant du virement", Ct)));
        Assert.Equal([claim.Id], await ToldDuringAsync(() => ledger.CancelEntryAsync(entry.Id, "Saisi deux fois", Ct)));
    }
}

public sealed class SqliteCaseChangesPublishingTests : CaseChangesPublishingTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlCaseChangesPublishingTests : CaseChangesPublishingTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
