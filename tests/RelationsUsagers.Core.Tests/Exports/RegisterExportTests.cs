using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Complaints;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Exports;
using RelationsUsagers.Core.Queue;
using RelationsUsagers.Core.Requisitions;
using RelationsUsagers.Core.Security;
using static RelationsUsagers.Core.Tests.Exports.ExportTestData;

namespace RelationsUsagers.Core.Tests.Exports;

/// <summary>The complaints and requisitions registers go through the same column machinery as the tracking workbook.</summary>
public abstract class RegisterExportTests
{
    protected abstract DatabaseProvider Provider { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string?> AuditDetailsAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return (await db.AuditEntries.SingleAsync(a => a.Action == AuditActions.Exported, Ct)).Details;
    }

    [Fact]
    public async Task Complaints_register_has_the_usual_columns_typed_cells_and_the_answer_delay()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var answered = TestCases.Complaint(D(2025, 2, 3));
        (answered.Reference, answered.AnswerSentOn, answered.Status) = ("PLT-2025-00001", D(2025, 2, 20), CaseStatus.Answered);
        answered.Events.Add(new CaseEvent { CaseFileId = answered.Id, Type = CaseEventTypes.AcknowledgementSent, OccurredOn = D(2025, 2, 5) });
        var waiting = TestCases.Complaint(D(2025, 1, 10));
        (waiting.Reference, waiting.Nature) = ("PLT-2025-00002", ComplaintNature.Complaint);
        await SeedAsync(database, answered, waiting, TestCases.AccessRequest(D(2025, 2, 1)));

        var bytes = await ExportAsync(s => CreateExportService(database).WriteComplaintsAsync(s, D(2025, 1, 1), D(2025, 12, 31), null, Ct));

        AssertValidOpenXml(bytes);
        using var workbook = Open(bytes);
        var sheet = workbook.Worksheet("Plaintes");
        Assert.Equal(ComplaintRegisterRow.Columns.Select(c => c.Header), sheet.Row(1).CellsUsed().Select(c => c.GetString()));
        Assert.True(Assert.Single(sheet.Tables).ShowAutoFilter);
        Assert.Equal(["PLT-2025-00002", "PLT-2025-00001"], sheet.Column(1).CellsUsed().Skip(1).Select(c => c.GetString()));
        var acknowledged = Cell(sheet, "PLT-2025-00001", "Date d'accusé de réception");
        Assert.Equal((XLDataType.DateTime, new DateTime(2025, 2, 5)), (acknowledged.DataType, acknowledged.GetDateTime()));
        Assert.Equal(17, Cell(sheet, "PLT-2025-00001", "Délai de réponse (jours)").GetDouble());
        Assert.Equal("Oui", Cell(sheet, "PLT-2025-00001", "Réponse dans le délai cible").GetString());
        Assert.Equal("Délais d'attente, Information / communication", Cell(sheet, "PLT-2025-00001", "Motifs").GetString());
        Assert.Equal("Plainte", Cell(sheet, "PLT-2025-00002", "Nature").GetString());
        Assert.Equal(XLColor.FromHtml("#FFC7CE"), Cell(sheet, "PLT-2025-00002", "Référence").Style.Fill.BackgroundColor);
        Assert.Equal("Registre des plaintes et réclamations du 01/01/2025 au 31/12/2025 (2 lignes)", await AuditDetailsAsync(database));
    }

    [Fact]
    public async Task Requisitions_register_shows_the_authority_the_items_and_the_date_set()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var answered = TestCases.Requisition(D(2025, 3, 2));
        (answered.Reference, answered.DueOn, answered.ResponseSentOn) = ("REQ-2025-00001", D(2025, 3, 20), D(2025, 3, 18));
        (answered.Response, answered.Status) = (RequisitionResponse.Sent, CaseStatus.Answered);
        var other = TestCases.Requisition(D(2025, 6, 2));
        (other.Reference, other.DueOn, other.Status, other.ClosedOn) = ("REQ-2025-00002", D(2025, 6, 10), CaseStatus.Refused, D(2025, 6, 5));
        await SeedAsync(database, answered, other);

        var bytes = await ExportAsync(s => CreateExportService(database).WriteRequisitionsAsync(s, D(2025, 1, 1), D(2025, 12, 31),
            new QueueFilter { IncludeClosed = false }, Ct));

        AssertValidOpenXml(bytes);
        using var workbook = Open(bytes);
        var sheet = workbook.Worksheet("Réquisitions");
        Assert.Equal(RequisitionRegisterRow.Columns.Select(c => c.Header), sheet.Row(1).CellsUsed().Select(c => c.GetString()));
        Assert.Equal(2, sheet.Column(1).CellsUsed().Count()); // header + the open one: the filter hides the refused one
        Assert.Equal("Art. 77-1-1 CPP (enquête préliminaire)", Cell(sheet, "REQ-2025-00001", "Cadre juridique").GetString());
        Assert.Equal("Brigadier-chef Laurent Dubois, Sûreté départementale", Cell(sheet, "REQ-2025-00001", "Officier ou magistrat requérant").GetString());
        Assert.Equal("Heures d'entrée et de sortie aux urgences le 28/02/2026 (Administratif)",
            Cell(sheet, "REQ-2025-00001", "Éléments demandés").GetString());
        Assert.Equal(new DateTime(2025, 3, 20), Cell(sheet, "REQ-2025-00001", "Date limite de réponse").GetDateTime());
        Assert.Equal("Oui", Cell(sheet, "REQ-2025-00001", "Dans le délai").GetString());
        Assert.Equal("Registre des réquisitions du 01/01/2025 au 31/12/2025 (1 ligne) ; filtre : file ouverte", await AuditDetailsAsync(database));
    }

    [Fact]
    public async Task Requisitions_register_reads_back_the_secrecy_review_of_each_item_and_the_seizure()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var seized = TestCases.Requisition(D(2025, 3, 2));
        (seized.Reference, seized.Status) = ("REQ-2025-00003", CaseStatus.Answered);
        seized.Items[0].Sent = true;
        seized.Items.Add(new RequisitionItem
        {
            Description = "Compte rendu des urgences", Nature = RequisitionItemNature.Medical, Secrecy = SecrecyDecision.Withheld,
            ReviewedBy = "Dr Morel (DIM)", ReviewedOn = D(2025, 3, 5), SecrecyReason = "pas de consentement écrit",
        });
        seized.Items.Add(new RequisitionItem
        {
            Description = "Dossier de cardiologie", Nature = RequisitionItemNature.Medical, Secrecy = SecrecyDecision.SeizureRequired,
            ReviewedBy = "Dr Morel (DIM)", ReviewedOn = D(2025, 3, 5), SecrecyReason = "secret médical : saisie par le juge",
        });
        seized.Items.Add(new RequisitionItem { Description = "Imagerie du 28/02", Nature = RequisitionItemNature.Medical });
        (seized.SeizureOn, seized.SealNumbers, seized.SeizedItems) = (D(2025, 3, 11), "n° 2025-117 et 2025-118", "dossier papier de cardiologie");
        var pending = TestCases.Requisition(D(2025, 4, 2));
        pending.Reference = "REQ-2025-00004";
        await SeedAsync(database, seized, pending);

        var bytes = await ExportAsync(s => CreateExportService(database).WriteRequisitionsAsync(s, D(2025, 1, 1), D(2025, 12, 31), null, Ct));

        using var workbook = Open(bytes);
        var sheet = workbook.Worksheet("Réquisitions");
        Assert.Equal("Compte rendu des urgences\u00A0: Refusé : secret médical, par Dr Morel (DIM) le 05/03/2025 (pas de consentement écrit) ; "
            + "Dossier de cardiologie\u00A0: Remis uniquement sur saisie (art. 56-3 CPP), par Dr Morel (DIM) le 05/03/2025 "
            + "(secret médical : saisie par le juge)", Cell(sheet, "REQ-2025-00003", "Éléments examinés").GetString());
        Assert.Equal("Transmis\u00A0: Heures d'entrée et de sortie aux urgences le 28/02/2026 — Refusés\u00A0: Compte rendu des urgences — "
            + "Sur saisie\u00A0: Dossier de cardiologie", Cell(sheet, "REQ-2025-00003", "Éléments transmis / refusés").GetString());
        var seizureOn = Cell(sheet, "REQ-2025-00003", "Saisie (date)");
        Assert.Equal((XLDataType.DateTime, new DateTime(2025, 3, 11)), (seizureOn.DataType, seizureOn.GetDateTime()));
        Assert.Equal("n° 2025-117 et 2025-118\u00A0: dossier papier de cardiologie", Cell(sheet, "REQ-2025-00003", "Scellés").GetString());
        // Nothing reviewed, sent or seized yet: the four cells stay empty.
        Assert.All(new[] { "Éléments examinés", "Éléments transmis / refusés", "Saisie (date)", "Scellés" },
            header => Assert.True(Cell(sheet, "REQ-2025-00004", header).IsEmpty()));
    }

    [Fact]
    public async Task A_period_that_ends_before_it_starts_is_refused_and_not_audited()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var error = await Assert.ThrowsAsync<CaseRuleException>(() =>
            ExportAsync(s => CreateExportService(database).WriteComplaintsAsync(s, D(2025, 12, 31), D(2025, 1, 1), null, Ct)));
        Assert.Equal("La fin de la période ne peut pas précéder son début.", error.Message);
        await using var db = database.CreateContext();
        Assert.False(await db.AuditEntries.AnyAsync(Ct));
    }

    [Fact]
    public async Task Claims_register_gives_amounts_as_euros_and_the_overdue_cci_opinion()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        // Received 2 January 2025, declared to the insurer on the 6th, referred to the CCI on 20 January: its opinion was
        // due 6 months later, 20 July 2025 (L.1142-8), and is still awaited on 15 March 2026. The hospital's express decision
        // of 20 February met the implicit-rejection deadline (2 March 2025), which the CCI does not move.
        var claim = TestCases.IndemnityClaim(D(2025, 1, 2));
        (claim.Reference, claim.Procedure, claim.Status) = ("IND-2025-00001", Claims.ClaimProcedure.Cci, CaseStatus.CciProcedure);
        claim.ExpressDecisionNotifiedOn = D(2025, 2, 20);
        (claim.InsurerName, claim.InsurerDeclaredOn, claim.CciReferredOn, claim.DeductibleCents) = ("SHAM", D(2025, 1, 6), D(2025, 1, 20), 150_000);
        await SeedAsync(database, claim, TestCases.Complaint(D(2025, 2, 1)));

        var bytes = await ExportAsync(s => CreateExportService(database).WriteClaimsAsync(s, D(2025, 1, 1), D(2025, 12, 31), null, Ct));

        AssertValidOpenXml(bytes);
        using var workbook = Open(bytes);
        var sheet = workbook.Worksheet("Indemnisations");
        Assert.Equal(ClaimRegisterRow.Columns.Select(c => c.Header), sheet.Row(1).CellsUsed().Select(c => c.GetString()));
        Assert.Equal(["IND-2025-00001"], sheet.Column(1).CellsUsed().Skip(1).Select(c => c.GetString()));
        Assert.Equal("CCI", Cell(sheet, "IND-2025-00001", "Procédure").GetString());
        var claimed = Cell(sheet, "IND-2025-00001", "Montant réclamé");
        Assert.Equal((XLDataType.Number, 45_000d, ExportFormats.Money), (claimed.DataType, claimed.GetDouble(), claimed.Style.NumberFormat.Format));
        Assert.Equal(1_500d, Cell(sheet, "IND-2025-00001", "Franchise (contrat)").GetDouble());
        Assert.Equal("Avis de la CCI (6 mois)", Cell(sheet, "IND-2025-00001", "Prochaine échéance").GetString());
        Assert.Equal(new DateTime(2025, 7, 20), Cell(sheet, "IND-2025-00001", "Date limite").GetDateTime());
        Assert.Equal(XLColor.FromHtml("#FFC7CE"), Cell(sheet, "IND-2025-00001", "Patient").Style.Fill.BackgroundColor);
        Assert.Equal("Registre des demandes d'indemnisation du 01/01/2025 au 31/12/2025 (1 ligne)", await AuditDetailsAsync(database));
    }
}

public sealed class SqliteRegisterExportTests : RegisterExportTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlRegisterExportTests : RegisterExportTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
