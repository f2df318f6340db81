using System.Text;
using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Documents;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Core.Tests.Documents;

/// <summary>
/// CaseDocumentService on each database (SQLite file, PostgreSQL) and a temporary storage folder: content-checked uploads, no half-written
/// document, audited downloads limited to the case's own documents.
/// </summary>
public abstract class CaseDocumentServiceTests : IAsyncLifetime
{
    protected abstract DatabaseProvider Provider { get; }

    private const string RefusedType =
        "Type de fichier refusé : seuls les PDF, documents Word (.doc, .docx, .odt) et images (PNG, JPEG, TIFF) sont acceptés.";

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n");

    private readonly string _storageRoot = Path.Combine(Path.GetTempPath(), "relations-usagers-tests", "documents-" + Guid.NewGuid().ToString("N"));
    private TestDatabase _database = null!;
    private CaseDocumentService _documents = null!;
    private CaseFile _case = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Provider, Ct);
        _documents = new CaseDocumentService(_database.Factory, new DocumentStorage(_storageRoot));
        _case = await _database.CreateService().CreateAsync(TestCases.AccessRequest(), Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        if (Directory.Exists(_storageRoot))
            Directory.Delete(_storageRoot, recursive: true);
    }

    private Task<CaseDocument> UploadAsync(string fileName, byte[] bytes, Guid? caseId = null, long? length = null) =>
        _documents.UploadAsync(caseId ?? _case.Id, fileName, new MemoryStream(bytes), length ?? bytes.Length, "Pièce jointe", Ct);

    private string[] StoredFiles() =>
        Directory.Exists(_storageRoot) ? Directory.GetFiles(_storageRoot, "*", SearchOption.AllDirectories) : [];

    private async Task<List<CaseDocument>> RowsAsync()
    {
        await using var db = _database.CreateContext();
        return await db.CaseDocuments.AsNoTracking().ToListAsync(Ct);
    }

    private async Task<List<AuditEntry>> AuditAsync(string action)
    {
        await using var db = _database.CreateContext();
        return await db.AuditEntries.AsNoTracking().Where(a => a.Action == action).ToListAsync(Ct);
    }

    private async Task AssertRefusedAsync(string message, Task upload)
    {
        var refusal = await Assert.ThrowsAsync<CaseRuleException>(() => upload);
        Assert.Equal(message, refusal.Message);
        Assert.Empty(StoredFiles());
        Assert.Empty(await RowsAsync());
        Assert.Empty(await AuditAsync(AuditActions.DocumentAdded));
    }

    [Fact]
    public async Task A_pdf_is_stored_in_the_storage_folder_with_its_row_and_an_audit_line()
    {
        var doc = await UploadAsync("courrier.pdf", Pdf);

        var stored = Assert.Single(StoredFiles());
        Assert.StartsWith(Path.GetFullPath(_storageRoot) + Path.DirectorySeparatorChar, stored, StringComparison.Ordinal);
        Assert.Equal(Pdf, await File.ReadAllBytesAsync(stored, Ct));
        Assert.Equal(Path.Combine(_case.Id.ToString("N"), doc.Id.ToString("N")), doc.StoragePath);
        var row = Assert.Single(await RowsAsync());
        Assert.Equal((doc.Id, _case.Id, "courrier.pdf", "application/pdf", (long)Pdf.Length, "Pièce jointe", TestDatabase.DefaultUserName),
            (row.Id, row.CaseFileId, row.FileName, row.ContentType, row.SizeBytes, row.Description, row.UploadedBy));
        var audit = Assert.Single(await AuditAsync(AuditActions.DocumentAdded));
        Assert.Equal(("Document ajouté", _case.Id, _case.Reference, "courrier.pdf"), (audit.Action, audit.CaseFileId, audit.CaseReference, audit.Details));
    }

    [Fact]
    public async Task An_upload_leaves_the_case_itself_untouched()
    {
        var requisition = await _database.CreateService().CreateAsync(TestCases.Requisition(), Ct);

        await UploadAsync("requisition.pdf", Pdf, caseId: requisition.Id);

        await using var db = _database.CreateContext();
        Assert.Equal(requisition.ConcurrencyStamp, (await db.CaseFiles.AsNoTracking().SingleAsync(c => c.Id == requisition.Id, Ct)).ConcurrencyStamp);
        Assert.Empty(await AuditAsync(AuditActions.Updated));
        Assert.Equal(requisition.Reference, Assert.Single(await AuditAsync(AuditActions.DocumentAdded)).CaseReference);
    }

    [Fact]
    public async Task The_stored_name_is_not_the_uploaded_name_and_a_path_in_the_name_is_dropped()
    {
        var doc = await UploadAsync(@"..\..\wwwroot\courrier.pdf", Pdf);

        Assert.Equal("courrier.pdf", doc.FileName);
        var stored = Assert.Single(StoredFiles());
        Assert.Equal(doc.Id.ToString("N"), Path.GetFileName(stored));
        Assert.Equal(_case.Id.ToString("N"), Path.GetFileName(Path.GetDirectoryName(stored)));
    }

    [Fact]
    public async Task An_executable_renamed_report_pdf_is_refused_and_leaves_no_file_no_row()
    {
        var exe = new byte[512];
        "MZ"u8.CopyTo(exe);
        exe[0x3C] = 0x80;

        await AssertRefusedAsync("Le contenu du fichier ne correspond pas à son extension « .pdf » : il n'a pas été ajouté.", UploadAsync("report.pdf", exe));
    }

    [Fact]
    public async Task A_file_over_20_MB_is_refused_before_anything_is_written()
    {
        await AssertRefusedAsync("Le fichier dépasse 20 Mo.", UploadAsync("scanner.pdf", Pdf, length: DocumentTypes.MaxBytes + 1));
    }

    [Fact]
    public async Task A_stream_longer_than_announced_and_over_20_MB_is_refused_and_its_file_removed()
    {
        var big = new byte[DocumentTypes.MaxBytes + 1];
        Pdf.CopyTo(big, 0);

        await AssertRefusedAsync("Le fichier dépasse 20 Mo.", UploadAsync("scanner.pdf", big, length: 1_000));
    }

    [Fact]
    public async Task A_file_of_exactly_20_MB_is_accepted()
    {
        var max = new byte[DocumentTypes.MaxBytes];
        Pdf.CopyTo(max, 0);

        var doc = await UploadAsync("scanner.pdf", max);

        Assert.Equal(DocumentTypes.MaxBytes, doc.SizeBytes);
        Assert.Equal(DocumentTypes.MaxBytes, new FileInfo(Assert.Single(StoredFiles())).Length);
    }

    [Fact]
    public async Task An_empty_file_is_refused()
    {
        await AssertRefusedAsync("Le fichier est vide.", UploadAsync("vide.pdf", []));
    }

    [Fact]
    public async Task An_upload_to_a_case_that_does_not_exist_is_refused()
    {
        await AssertRefusedAsync("Ce dossier n'existe plus.", UploadAsync("courrier.pdf", Pdf, caseId: Guid.NewGuid()));
    }

    [Fact]
    public async Task A_real_docx_and_odt_are_accepted_as_Word_documents()
    {
        var docx = await UploadAsync("courrier.docx", Packages.Docx());
        var odt = await UploadAsync("courrier.odt", Packages.Odt());

        Assert.Equal((DocumentTypes.Docx, DocumentTypes.Odt), (docx.ContentType, odt.ContentType));
        Assert.Equal(2, StoredFiles().Length);
    }

    [Fact]
    public async Task Any_zip_named_docx_is_refused_and_leaves_no_file()
    {
        await AssertRefusedAsync("Le contenu du fichier ne correspond pas à son extension « .docx » : il n'a pas été ajouté.",
            UploadAsync("archive.docx", Packages.Zip(("notes.txt", "bonjour"))));
    }

    [Fact]
    public async Task A_zip_that_is_not_named_as_a_Word_document_is_refused()
    {
        await AssertRefusedAsync(RefusedType, UploadAsync("archive.zip", Packages.Zip(("notes.txt", "bonjour"))));
    }

    [Theory]
    [InlineData("report.html")]
    [InlineData("image.svg")]
    [InlineData("script.js")]
    public async Task A_name_the_browser_would_render_or_run_is_refused_even_with_pdf_content(string name)
    {
        await AssertRefusedAsync(RefusedType, UploadAsync(name, Pdf));
    }

    [Fact]
    public async Task A_pdf_under_an_image_name_is_refused()
    {
        await AssertRefusedAsync("Le contenu du fichier ne correspond pas à son extension « .jpg » : il n'a pas été ajouté.",
            UploadAsync("photo.jpg", Pdf));
    }

    [Fact]
    public async Task A_right_to_left_override_hiding_an_html_name_is_stripped_and_the_file_refused()
    {
        // "rapport" + U+202E + "fdp.html" is shown as "rapportlmth.pdf": once the override is gone, the extension is .html.
        await AssertRefusedAsync(RefusedType, UploadAsync("rapport\u202Efdp.html", Pdf));
    }

    [Fact]
    public async Task The_stored_name_has_no_control_or_format_characters()
    {
        var doc = await UploadAsync("Lef\u00ADèvre\u200B\u202D compte rendu\u0007.pdf", Pdf);

        Assert.Equal("Lefèvre compte rendu.pdf", doc.FileName);
        Assert.Equal("Lefèvre compte rendu.pdf", Assert.Single(await RowsAsync()).FileName);
    }

    [Fact]
    public async Task The_declared_length_is_replaced_by_the_bytes_actually_written()
    {
        var doc = await UploadAsync("courrier.pdf", Pdf, length: 5);

        Assert.Equal(Pdf.Length, doc.SizeBytes);
        Assert.Equal(Pdf.Length, Assert.Single(await RowsAsync()).SizeBytes);
    }

    [Fact]
    public async Task Opening_a_document_returns_its_bytes_and_writes_a_download_audit_line()
    {
        var doc = await UploadAsync("courrier.pdf", Pdf);
        _database.Clock.Advance(TimeSpan.FromMinutes(2));

        var opened = await _documents.OpenAsync(_case.Id, doc.Id, Ct);

        Assert.NotNull(opened);
        await using (var content = opened.Value.Content)
        {
            using var copy = new MemoryStream();
            await content.CopyToAsync(copy, Ct);
            Assert.Equal(Pdf, copy.ToArray());
        }
        Assert.Equal(("courrier.pdf", "application/pdf"), (opened.Value.Document.FileName, opened.Value.Document.ContentType));
        var audit = Assert.Single(await AuditAsync(AuditActions.DocumentDownloaded));
        Assert.Equal(("Document téléchargé", _case.Id, _case.Reference, "courrier.pdf", TestDatabase.DefaultUserName),
            (audit.Action, audit.CaseFileId, audit.CaseReference, audit.Details, audit.UserName));
        Assert.Equal(_database.Clock.GetUtcNow().UtcDateTime, audit.AtUtc);
    }

    [Fact]
    public async Task Opening_another_cases_document_returns_null_and_writes_no_audit_line()
    {
        var other = await _database.CreateService().CreateAsync(TestCases.Complaint(), Ct);
        var othersDoc = await UploadAsync("plainte.pdf", Pdf, caseId: other.Id);

        Assert.Null(await _documents.OpenAsync(_case.Id, othersDoc.Id, Ct));
        Assert.Null(await _documents.OpenAsync(_case.Id, Guid.NewGuid(), Ct));
        Assert.Empty(await AuditAsync(AuditActions.DocumentDownloaded));
    }

    [Fact]
    public async Task A_document_whose_file_has_disappeared_opens_as_null()
    {
        var doc = await UploadAsync("courrier.pdf", Pdf);
        File.Delete(Assert.Single(StoredFiles()));

        Assert.Null(await _documents.OpenAsync(_case.Id, doc.Id, Ct));
        Assert.Empty(await AuditAsync(AuditActions.DocumentDownloaded));
    }

    [Fact]
    public async Task A_storage_folder_that_cannot_be_written_gives_a_french_message_a_log_line_without_the_name_and_stores_nothing()
    {
        // A file where the storage folder should be: nothing can be created under it.
        var blocked = _storageRoot + ".file";
        await File.WriteAllTextAsync(blocked, "pas un dossier", Ct);
        var log = new RecordingLogger();
        var documents = new CaseDocumentService(_database.Factory, new DocumentStorage(blocked), log);
        try
        {
            var refusal = await Assert.ThrowsAsync<CaseRuleException>(() =>
                documents.UploadAsync(_case.Id, "Lefèvre Jeanne - compte rendu.pdf", new MemoryStream(Pdf), Pdf.Length, null, Ct));

            Assert.Equal("Le document n'a pas pu être enregistré : le dossier de stockage des documents est inaccessible. "
                + "Rien n'a été ajouté au dossier ; prévenez l'administrateur.", refusal.Message);
            var line = Assert.Single(log.Lines);
            Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Error, line.Level);
            Assert.Contains(_case.Id.ToString(), line.Text, StringComparison.Ordinal);
            Assert.Contains("folder not writable", line.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("Lefèvre", line.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(".pdf", line.Text, StringComparison.Ordinal);
            Assert.Empty(await RowsAsync());
            Assert.Empty(await AuditAsync(AuditActions.DocumentAdded));
        }
        finally
        {
            File.Delete(blocked);
        }
    }

    [Fact]
    public async Task A_stream_that_fails_midway_leaves_no_partial_file_no_row_and_a_french_message()
    {
        var log = new RecordingLogger();
        var documents = new CaseDocumentService(_database.Factory, new DocumentStorage(_storageRoot), log);
        var content = new FailingStream(Pdf, failAfter: 64 * 1024);

        var refusal = await Assert.ThrowsAsync<CaseRuleException>(() =>
            documents.UploadAsync(_case.Id, "courrier.pdf", content, 200_000, null, Ct));

        Assert.Equal("Le document n'a pas pu être enregistré (erreur de lecture ou d'écriture). Rien n'a été ajouté au dossier ; réessayez.",
            refusal.Message);
        Assert.True(content.Failed);
        Assert.Empty(StoredFiles());
        Assert.Empty(await RowsAsync());
        Assert.Empty(await AuditAsync(AuditActions.DocumentAdded));
        Assert.Contains("I/O error", Assert.Single(log.Lines).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_save_of_the_row_removes_the_stored_file()
    {
        var doc = await UploadAsync("courrier.pdf", Pdf);
        // The row cannot be written (a trigger refuses it, as a full database would): the file just moved into place must go.
        await using (var db = _database.CreateContext())
            await db.Database.ExecuteSqlRawAsync(Provider == DatabaseProvider.PostgreSql
                ? """
                  CREATE FUNCTION refuse_documents() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$;
                  CREATE TRIGGER refuse_documents BEFORE INSERT ON "CaseDocuments" FOR EACH ROW EXECUTE FUNCTION refuse_documents();
                  """
                : "CREATE TRIGGER refuse_documents BEFORE INSERT ON CaseDocuments BEGIN SELECT RAISE(ABORT, 'refused'); END;", Ct);

        await Assert.ThrowsAnyAsync<DbUpdateException>(() => UploadAsync("second.pdf", Pdf));

        Assert.Equal(Path.Combine(_storageRoot, doc.StoragePath), Assert.Single(StoredFiles()));
    }

    /// <summary>Serves its bytes, then repeats them until <c>failAfter</c> bytes, then fails as a dropped upload does.</summary>
    private sealed class FailingStream(byte[] head, int failAfter) : Stream
    {
        private long _position;
        public bool Failed { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position >= failAfter)
            {
                Failed = true;
                throw new IOException("The client disconnected.");
            }
            var n = (int)Math.Min(count, failAfter - _position);
            for (var i = 0; i < n; i++)
                buffer[offset + i] = head[(_position + i) % head.Length];
            _position += n;
            return n;
        }
    }

    private sealed class RecordingLogger : Microsoft.Extensions.Logging.ILogger<CaseDocumentService>
    {
        public List<(Microsoft.Extensions.Logging.LogLevel Level, string Text)> Lines { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state,
            Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add((logLevel, formatter(state, exception) + (exception is null ? "" : "\n" + exception)));
    }

    [Fact]
    public async Task A_case_lists_only_its_own_documents_newest_first()
    {
        var first = await UploadAsync("premier.pdf", Pdf);
        _database.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await UploadAsync("second.pdf", Pdf);
        var other = await _database.CreateService().CreateAsync(TestCases.Complaint(), Ct);
        await UploadAsync("plainte.pdf", Pdf, caseId: other.Id);

        Assert.Equal([second.Id, first.Id], (await _documents.ListAsync(_case.Id, Ct)).Select(d => d.Id));
    }
}

public sealed class SqliteCaseDocumentServiceTests : CaseDocumentServiceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlCaseDocumentServiceTests : CaseDocumentServiceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
