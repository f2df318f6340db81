using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using RelationsUsagers.Core.AccessRequests;
using RelationsUsagers.Core.AccessRequests.Tracking;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Exports;

namespace RelationsUsagers.Core.Tests.Exports;

/// <summary>Seeds cases straight into the database (past dates, any status) and reads exported workbooks back cell by cell.</summary>
internal static class ExportTestData
{
    public static DateOnly D(int year, int month, int day) => new(year, month, day);

    public static ExportService CreateExportService(TestDatabase database, OnTimeFrom onTimeFrom = OnTimeFrom.CompleteRequest) =>
        new(database.Factory, database.Clock,
            new AccessRequestTrackingService(database.Factory, database.Clock, new TrackingOptions { OnTimeFrom = onTimeFrom }));

    public static AccessRequest Request(string reference, DateOnly received, string lastName, RequesterCapacity capacity = RequesterCapacity.Patient) => new()
    {
        Reference = reference,
        ReceivedOn = received,
        Patient = new Patient { LastName = lastName, FirstName = "Anne", BirthDate = D(1960, 5, 4) },
        Requester = new Party { Name = $"{lastName} Anne" },
        RequesterCapacity = capacity,
        Services = ["Cardiologie"],
        Status = CaseStatus.Sent,
    };

    public static async Task SeedAsync(TestDatabase database, params CaseFile[] cases)
    {
        await using var db = database.CreateContext();
        db.CaseFiles.AddRange(cases);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    public static async Task<byte[]> ExportAsync(Func<Stream, Task<int>> write)
    {
        using var stream = new MemoryStream();
        await write(stream);
        return stream.ToArray();
    }

    public static XLWorkbook Open(byte[] bytes) => new(new MemoryStream(bytes));

    /// <summary>The cell of the table line whose first column is <paramref name="reference"/>, under <paramref name="header"/>.</summary>
    public static IXLCell Cell(IXLWorksheet sheet, string reference, string header)
    {
        var column = sheet.Row(1).CellsUsed().Single(c => c.GetString() == header).Address.ColumnNumber;
        var row = sheet.Column(1).CellsUsed().Single(c => c.GetString() == reference).Address.RowNumber;
        return sheet.Cell(row, column);
    }

    /// <summary>The row of the "Synthèse" sheet whose first cell is <paramref name="label"/> (the first one, sections share labels).</summary>
    public static IXLRow SummaryRow(IXLWorksheet sheet, string label, int after = 0) =>
        sheet.Column(1).CellsUsed().First(c => c.Address.RowNumber > after && c.GetString() == label).WorksheetRow();

    public static void AssertValidOpenXml(byte[] bytes)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Description} ({e.Path?.XPath})"));
    }
}
