using System.Text;
using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Documents;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Core.Tests.Documents;

/// <summary>
/// CaseDocumentService.WithdrawAsync: a manager (s.benali) withdraws a document with a reason; the file and its row stay,
/// the list and the downloads of officers (c.martin) no longer show it, the journal says who, when and why.
/// </summary>
public abstract class DocumentWithdrawalTests : IAsyncLifetime
{
    protected abstract DatabaseProvider Provider { get; }

    private const string Manager = "s.benali";
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n");

    private readonly string _storageRoot = Path.Combine(Path.GetTempPath(), "relations-usagers-tests", "withdrawal-" + Guid.NewGuid().ToString("N"));
    private TestDatabase _database = null!;
    private CaseFile _case = null!;
    private CaseDocument _document = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Provider, Ct);
        _case = await _database.CreateService().CreateAsync(TestCases.AccessRequest(), Ct);
        _document = await As(TestDatabase.DefaultUserName).UploadAsync(_case.Id, "cni-autre-patient.pdf", new MemoryStream(Pdf), Pdf.Length, "Pièce d'identité", Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        if (Directory.Exists(_storageRoot))
            Directory.Delete(_storageRoot, recursive: true);
    }

    private CaseDocumentService As(string userName) => new(_database.FactoryFor(userName), new DocumentStorage(_storageRoot));

    private async Task<List<AuditEntry>> AuditAsync(string action)
    {
        await using var db = _database.CreateContext();
        return await db.AuditEntries.AsNoTracking().Where(a => a.Action == action).ToListAsync(Ct);
    }

    [Fact]
    public async Task A_manager_withdraws_a_document_it_leaves_the_list_its_file_and_row_stay_and_the_journal_says_why()
    {
        _database.Clock.Advance(TimeSpan.FromMinutes(30));

        await As(Manager).WithdrawAsync(_case.Id, _document.Id, " Pièce d'un autre patient ", Ct);

        Assert.Empty(await As(TestDatabase.DefaultUserName).ListAsync(_case.Id, Ct));
        Assert.Empty(await As(Manager).ListAsync(_case.Id, Ct));
        var shown = Assert.Single(await As(Manager).ListAsync(_case.Id, includeWithdrawn: true, Ct));
        Assert.Equal((true, Manager, "Pièce d'un autre patient", new DateTime(2026, 3, 15, 10, 30, 0)),
            (shown.IsWithdrawn, shown.WithdrawnBy, shown.WithdrawalReason, shown.WithdrawnAtUtc));
        Assert.True(File.Exists(Path.Combine(_storageRoot, _document.StoragePath)));
        var audit = Assert.Single(await AuditAsync(AuditActions.DocumentWithdrawn));
        Assert.Equal((Manager, _case.Reference, "cni-autre-patient.pdf ; motif : Pièce d'un autre patient"), (audit.UserName, audit.CaseReference, audit.Details));
    }

    [Fact]
    public async Task An_officer_can_neither_withdraw_nor_see_nor_download_a_withdrawn_document_a_manager_still_can()
    {
        var refusal = await Assert.ThrowsAsync<CaseRuleException>(() =>
            As(TestDatabase.DefaultUserName).WithdrawAsync(_case.Id, _document.Id, "Doublon", Ct));
        Assert.Equal("Seul un responsable peut retirer un document du dossier.", refusal.Message);
        Assert.Single(await As(TestDatabase.DefaultUserName).ListAsync(_case.Id, Ct));
        Assert.Empty(await AuditAsync(AuditActions.DocumentWithdrawn));

        await As(Manager).WithdrawAsync(_case.Id, _document.Id, "Pièce d'un autre patient", Ct);

        Assert.Empty(await As(TestDatabase.DefaultUserName).ListAsync(_case.Id, includeWithdrawn: true, Ct));
        var download = await Assert.ThrowsAsync<CaseRuleException>(() => As(TestDatabase.DefaultUserName).OpenAsync(_case.Id, _document.Id, Ct));
        Assert.Equal("Ce document a été retiré du dossier : seul un responsable peut le télécharger.", download.Message);
        Assert.Empty(await AuditAsync(AuditActions.DocumentDownloaded));
        var opened = await As(Manager).OpenAsync(_case.Id, _document.Id, Ct);
        await using (opened!.Value.Content)
            Assert.Equal(Pdf.Length, opened.Value.Content.Length);
        Assert.Equal(Manager, Assert.Single(await AuditAsync(AuditActions.DocumentDownloaded)).UserName);
    }

    [Fact]
    public async Task A_withdrawal_needs_a_reason_and_happens_once()
    {
        var missing = await Assert.ThrowsAsync<CaseRuleException>(() => As(Manager).WithdrawAsync(_case.Id, _document.Id, "  ", Ct));
        Assert.Equal("Le motif du retrait est obligatoire.", missing.Message);
        await As(Manager).WithdrawAsync(_case.Id, _document.Id, "Pièce d'un autre patient", Ct);

        var again = await Assert.ThrowsAsync<CaseRuleException>(() => As(Manager).WithdrawAsync(_case.Id, _document.Id, "Autre motif", Ct));

        Assert.Equal("Ce document a déjà été retiré du dossier.", again.Message);
        Assert.Equal("Pièce d'un autre patient", Assert.Single(await As(Manager).ListAsync(_case.Id, includeWithdrawn: true, Ct)).WithdrawalReason);
        Assert.Single(await AuditAsync(AuditActions.DocumentWithdrawn));
    }
}

public sealed class SqliteDocumentWithdrawalTests : DocumentWithdrawalTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlDocumentWithdrawalTests : DocumentWithdrawalTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
