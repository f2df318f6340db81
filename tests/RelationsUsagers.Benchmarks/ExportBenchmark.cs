using System.Diagnostics;
using System.Globalization;
using ClosedXML.Excel;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Microsoft.Data.Sqlite;
using RelationsUsagers.Core.AccessRequests.Import;
using RelationsUsagers.Core.AccessRequests.Tracking;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Clock;
using RelationsUsagers.Core.Exports;
using DashboardRow = RelationsUsagers.Core.AccessRequests.Tracking.AccessRequestDashboardRow;
using SheetRow = DocumentFormat.OpenXml.Spreadsheet.Row;
using static RelationsUsagers.Benchmarks.Measures;

namespace RelationsUsagers.Benchmarks;

/// <summary>
/// The access-request tracking workbook of 10,000 requests and the import of a 10,000-line hand-kept dashboard.
/// <list type="bullet">
/// <item><c>export-10k</c> times <see cref="ExportService.WriteAccessRequestsAsync"/> (query, legal clock, the
/// workbook, audit line) and, in the same run, the same cells of sheet "Demandes" written with DocumentFormat.OpenXml's SAX
/// <see cref="OpenXmlWriter"/> from the same <see cref="AccessRequestTrackingService.GetRowsAsync"/> rows (query included on
/// both sides, so the ratio is the cost of the workbook library). Peak = the process's peak resident set during the export
/// runs. Goal: median ≤ 2 s, peak ≤ 300 MB, ratio ≤ 2.</item>
/// <item><c>import-10k</c> times <see cref="AccessDashboardImporter.ReadAsync"/> + <see cref="AccessDashboardImporter.ImportAsync"/>
/// into a fresh, empty database each run. Goal: median ≤ 5 s.</item>
/// </list>
/// Prints <c>export-10k: median X ms, peak N MB, openxml-writer Y ms, ratio Z</c> and <c>import-10k: median X ms</c>;
/// everything else goes to standard error.
/// </summary>
/// <remarks>
/// Options: <c>--cases N</c> (demo cases seeded, default 26000: about 40 % are access requests), <c>--requests N</c>
/// (access requests kept, default 10000: the surplus is deleted at random), <c>--runs N</c> (export runs, default 7),
/// <c>--import-rows N</c> (default 10000), <c>--import-runs N</c> (default 5; 0 leaves the import out).
/// </remarks>
internal static class ExportBenchmark
{
    private const int DefaultCases = 26_000;
    private const int DefaultRequests = 10_000;
    private const int DefaultRuns = 7;
    private const int DefaultImportRows = 10_000;
    private const int DefaultImportRuns = 5;
    private const double Megabyte = 1024 * 1024;
    private const int DefaultLargeCases = 260_000;
    private const int DefaultLargeRequests = 100_000;
    private const int DefaultLargeRuns = 3;

    public static async Task RunAsync(string[] args)
    {
        var cases = IntOption(args, "--cases", DefaultCases);
        var requests = IntOption(args, "--requests", DefaultRequests);
        var runs = IntOption(args, "--runs", DefaultRuns);
        var importRows = IntOption(args, "--import-rows", DefaultImportRows);
        var importRuns = IntOption(args, "--import-runs", DefaultImportRuns);
        var clock = TimeProvider.System;

        await ExportAsync(cases, requests, runs, clock);
        // --import-runs 0 leaves the import out (its own benchmark line), e.g. to measure the exports alone.
        if (StringOption(args, "--import-runs") != "0")
            await ImportAsync(importRows, importRuns, clock);
        await ExportLargeAsync(IntOption(args, "--large-cases", DefaultLargeCases), IntOption(args, "--large-requests", DefaultLargeRequests),
            IntOption(args, "--large-runs", DefaultLargeRuns), clock, StringOption(args, "--large-database"));
    }

    // ---------------------------------------------------------------- export

    private static async Task ExportAsync(int cases, int requests, int runs, TimeProvider clock)
    {
        var seeding = Stopwatch.StartNew();
        await using var database = await BenchmarkDatabase.CreateAsync(cases, clock);
        var kept = await KeepAccessRequestsAsync(database.ConnectionString, requests);
        Console.Error.WriteLine($"Database ready with {cases:N0} demo cases, {kept:N0} access requests, in {seeding.Elapsed.TotalSeconds:F1} s ({database.FilePath}).");

        // The whole demo window (14 months) and more: every access request of the database is exported.
        var to = ParisCalendar.Today(clock);
        var from = to.AddYears(-2);
        var tracking = new AccessRequestTrackingService(database.Factory, clock);
        var service = new ExportService(database.Factory, clock, tracking);

        // Same rows and same cells, checked once before timing anything.
        var exported = await CheckSameCellsAsync(service, tracking, from, to);
        if (exported != kept)
            throw new InvalidOperationException($"The export wrote {exported} requests; the database holds {kept}.");
        Console.Error.WriteLine($"export-10k: {exported:N0} requests exported ({TrackingWorkbook.Columns.Count} columns).");

        // Warm-up: one run of each (the JIT, EF Core's compiled queries, SQLite's page cache).
        await ExportOnceAsync(service, from, to);
        await OpenXmlOnceAsync(tracking, from, to);

        // Alternated, as the queue benchmark does, so that both see the same conditions. The peak resident set is reset
        // before each run (after a full collection) and read after it: the peak of the export runs only.
        var exportTimes = new double[runs];
        var writerTimes = new double[runs];
        var queryTimes = new double[runs];
        var exportPeaks = new long[runs];
        var writerPeaks = new long[runs];
        var allocated = new long[runs];
        // Processor time of the whole process (every thread, the GC's too): less disturbed than elapsed time on a busy machine.
        var (exportCpu, writerCpu) = (new double[runs], new double[runs]);
        var sizes = (Export: 0L, Writer: 0L);
        for (var i = 0; i < runs; i++)
        {
            using (var peak = PeakMemory.Start())
            {
                var before = GC.GetTotalAllocatedBytes(precise: true);
                var cpu = ProcessorTime();
                var watch = Stopwatch.StartNew();
                sizes.Export = await ExportOnceAsync(service, from, to);
                exportTimes[i] = watch.Elapsed.TotalMilliseconds;
                exportCpu[i] = (ProcessorTime() - cpu).TotalMilliseconds;
                allocated[i] = GC.GetTotalAllocatedBytes(precise: true) - before;
                exportPeaks[i] = peak.Stop();
            }
            using (var peak = PeakMemory.Start())
            {
                var cpu = ProcessorTime();
                var watch = Stopwatch.StartNew();
                (sizes.Writer, queryTimes[i]) = await OpenXmlOnceAsync(tracking, from, to);
                writerTimes[i] = watch.Elapsed.TotalMilliseconds;
                writerCpu[i] = (ProcessorTime() - cpu).TotalMilliseconds;
                writerPeaks[i] = peak.Stop();
            }
        }

        var median = Median(exportTimes);
        var writerMedian = Median(writerTimes);
        // The peak printed is the export's alone, in a process of its own (see ExportInOwnProcessAsync); the one measured here,
        // after seeding and the cell-by-cell check, is reported beside it.
        var own = await ExportInOwnProcessAsync(database.FilePath, runs);
        var peakMb = own.PeakMb;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"export-10k: in its own process median {own.MedianMs:F2} ms, peak {own.PeakMb:F0} MB (resident set {own.BaselineMb:F0} MB at the start of a run); in this process peak {exportPeaks.Max() / Megabyte:F0} MB"));
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"export-10k: export p10 {Percentile(exportTimes, 10):F2} p90 {Percentile(exportTimes, 90):F2} ms, {Median(allocated.Select(a => (double)a).ToArray()) / Megabyte:F0} MB allocated per run, file {sizes.Export / 1024} KB ({runs} runs)"));
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"export-10k: openxml-writer p10 {Percentile(writerTimes, 10):F2} p90 {Percentile(writerTimes, 90):F2} ms, of which GetRowsAsync median {Median(queryTimes):F2} ms; peak {writerPeaks.Max() / Megabyte:F0} MB, file {sizes.Writer / 1024} KB"));
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"export-10k: processor time median {Median(exportCpu):F0} ms, openxml-writer {Median(writerCpu):F0} ms, ratio {Median(exportCpu) / Median(writerCpu):F2}; load average {LoadAverage()}"));
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"export-10k: peak resident set {PeakMemory.Method}; at the start of a run {PeakMemory.LastBaseline / Megabyte:F0} MB, of which managed heap {PeakMemory.LastHeap / Megabyte:F0} MB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"export-10k: median {median:F2} ms, peak {peakMb:F0} MB, openxml-writer {writerMedian:F2} ms, ratio {median / writerMedian:F2}"));
    }

    /// <summary>
    /// <c>export-100k</c>: the same workbook of exactly 100,000 access requests (260,000 demo cases seeded, the surplus deleted),
    /// measured in its own process as the peak of <c>export-10k</c>. No OpenXmlWriter baseline here: it holds every row in
    /// memory, which is what the export no longer does.
    /// </summary>
    private static async Task ExportLargeAsync(int cases, int requests, int runs, TimeProvider clock, string? path)
    {
        var seeding = Stopwatch.StartNew();
        await using var database = await BenchmarkDatabase.CreateAsync(cases, clock, path);
        var kept = await KeepAccessRequestsAsync(database.ConnectionString, requests);
        Console.Error.WriteLine($"Database ready with {cases:N0} demo cases, {kept:N0} access requests, in {seeding.Elapsed.TotalSeconds:F1} s ({database.FilePath}).");
        var own = await ExportInOwnProcessAsync(database.FilePath, runs);
        if (own.Exported != kept)
            throw new InvalidOperationException($"The export wrote {own.Exported} requests; the database holds {kept}.");
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"export-100k: p10 {own.P10Ms:F2} p90 {own.P90Ms:F2} ms, file {own.SizeKb} KB ({runs} runs); resident set {own.BaselineMb:F0} MB at the start of a run; load average {LoadAverage()}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"export-100k: median {own.MedianMs:F2} ms, peak {own.PeakMb:F0} MB"));
    }

    private sealed record OwnProcess(int Exported, double MedianMs, double P10Ms, double P90Ms, double PeakMb, double BaselineMb, long SizeKb);

    /// <summary>
    /// Runs <see cref="MeasureAsync"/> in a new process of this program on the seeded file: the peak resident set is then the
    /// export's (runtime, libraries, one export), not what seeding, the cell-by-cell check or the baseline writer left behind.
    /// </summary>
    private static async Task<OwnProcess> ExportInOwnProcessAsync(string databasePath, int runs)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
            start.ArgumentList.Add(typeof(ExportBenchmark).Assembly.Location);
        foreach (var argument in new[] { MeasureCommand, "--database", databasePath, "--runs", runs.ToString(CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("The measuring process did not start.");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"The measuring process failed ({process.ExitCode}).");
        var numbers = output.Trim().Split(' ').Select(n => double.Parse(n, CultureInfo.InvariantCulture)).ToArray();
        return new OwnProcess((int)numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5], (long)numbers[6]);
    }

    /// <summary>
    /// The resident set by kind ("anonymous 31 MB, files 71 MB, shared 46 MB", the last being JIT-compiled code double-mapped
    /// by the runtime) and the managed heap: what a process holds before the export adds its own.
    /// </summary>
    private static string ResidentSet()
    {
        if (!OperatingSystem.IsLinux())
            return "unknown";
        var kinds = File.ReadAllLines("/proc/self/status").Where(l => l.StartsWith("Rss", StringComparison.Ordinal))
            .Select(l => l.Split(':', StringSplitOptions.TrimEntries))
            .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p[0][3..].ToLowerInvariant()} {double.Parse(p[1].Split(' ')[0], CultureInfo.InvariantCulture) / 1024:F0} MB"));
        return string.Join(", ", kinds) + string.Create(CultureInfo.InvariantCulture, $"; managed heap {GC.GetTotalMemory(false) / Megabyte:F0} MB");
    }

    /// <summary>The command of the measuring process: not for people, hence not in the usage.</summary>
    public const string MeasureCommand = "export-measure";

    /// <summary>
    /// In the measuring process: the whole period of the file's access requests exported 1 + <c>--runs</c> times (the first
    /// warms up), each run's peak read as VmHWM; prints "count median p10 p90 peakMB baselineMB sizeKB" on one line.
    /// </summary>
    public static async Task MeasureAsync(string[] args)
    {
        var path = StringOption(args, "--database") ?? throw new ArgumentException("--database is required.");
        var runs = IntOption(args, "--runs", DefaultRuns);
        var clock = TimeProvider.System;
        // Seeded and migrated by the parent: this process loads no more than an export needs.
        await using var database = BenchmarkDatabase.Open(path);
        var to = ParisCalendar.Today(clock);
        var from = to.AddYears(-2);
        var service = new ExportService(database.Factory, clock, new AccessRequestTrackingService(database.Factory, clock));
        // Through a method of its own: a stream held by this method's state machine would stay alive through every run.
        var exported = await CountOnceAsync(service, from, to);
        var times = new double[runs];
        var peaks = new long[runs];
        var size = 0L;
        for (var i = 0; i < runs; i++)
        {
            using var peak = PeakMemory.Start();
            if (i == runs - 1)
                Console.Error.WriteLine($"{MeasureCommand}: resident set at the start of the last run, after a full collection: {ResidentSet()}");
            var watch = Stopwatch.StartNew();
            size = await ExportOnceAsync(service, from, to);
            times[i] = watch.Elapsed.TotalMilliseconds;
            peaks[i] = peak.Stop();
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{exported} {Median(times):F2} {Percentile(times, 10):F2} {Percentile(times, 90):F2} {peaks.Max() / Megabyte:F0} {PeakMemory.LastBaseline / Megabyte:F0} {size / 1024}"));
    }

    /// <summary>
    /// Deletes access requests picked at random (by id) until <paramref name="requests"/> are left, with their timeline;
    /// returns how many are left. Demo cases have no suspension, document or CDU agenda line pointing to them.
    /// </summary>
    private static async Task<int> KeepAccessRequestsAsync(string connectionString, int requests)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var kind = (int)CaseKind.AccessRequest;
        var count = Convert.ToInt32(await ScalarAsync(connection, $"SELECT COUNT(*) FROM CaseFiles WHERE Kind = {kind}"), CultureInfo.InvariantCulture);
        if (count < requests)
            throw new InvalidOperationException($"Only {count} access requests among the seeded cases: raise --cases.");
        if (count == requests)
            return count;
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
        await ExecuteAsync(connection, tx,
            $"CREATE TEMP TABLE Surplus AS SELECT Id FROM CaseFiles WHERE Kind = {kind} ORDER BY Id LIMIT {count - requests}");
        await ExecuteAsync(connection, tx, "DELETE FROM CaseEvents WHERE CaseFileId IN (SELECT Id FROM temp.Surplus)");
        await ExecuteAsync(connection, tx, "DELETE FROM CaseFiles WHERE Id IN (SELECT Id FROM temp.Surplus)");
        await ExecuteAsync(connection, tx, "DROP TABLE temp.Surplus");
        await tx.CommitAsync();
        return Convert.ToInt32(await ScalarAsync(connection, $"SELECT COUNT(*) FROM CaseFiles WHERE Kind = {kind}"), CultureInfo.InvariantCulture);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction tx, string sql)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ExportOnceAsync(ExportService service, DateOnly from, DateOnly to)
    {
        using var output = new MemoryStream();
        await service.WriteAccessRequestsAsync(output, from, to);
        return output.Length;
    }

    private static async Task<int> CountOnceAsync(ExportService service, DateOnly from, DateOnly to)
    {
        using var output = new MemoryStream();
        return await service.WriteAccessRequestsAsync(output, from, to);
    }

    /// <summary>The baseline: the same rows, fetched the same way, written with the SAX writer; returns the size and the query time.</summary>
    private static async Task<(long Size, double QueryMs)> OpenXmlOnceAsync(AccessRequestTrackingService tracking, DateOnly from, DateOnly to)
    {
        var watch = Stopwatch.StartNew();
        var rows = await tracking.GetRowsAsync(from, to, null);
        var query = watch.Elapsed.TotalMilliseconds;
        using var output = new MemoryStream();
        OpenXmlSheet.Write(output, rows);
        return (output.Length, query);
    }

    /// <summary>
    /// A comparison of different cells proves nothing: both files are read back with ClosedXML and sheet "Demandes" is
    /// compared cell by cell (value and type); the baseline file must also pass the Open XML validator. Returns the row count.
    /// </summary>
    private static async Task<int> CheckSameCellsAsync(ExportService service, AccessRequestTrackingService tracking, DateOnly from, DateOnly to)
    {
        using var exported = new MemoryStream();
        var count = await service.WriteAccessRequestsAsync(exported, from, to);
        using var baseline = new MemoryStream();
        var rows = await tracking.GetRowsAsync(from, to, null);
        OpenXmlSheet.Write(baseline, rows);

        baseline.Position = 0;
        using (var document = SpreadsheetDocument.Open(baseline, false))
        {
            var errors = new OpenXmlValidator().Validate(document).Take(5).Select(e => $"{e.Description} ({e.Path?.XPath})").ToList();
            if (errors.Count > 0)
                throw new InvalidOperationException("The OpenXmlWriter file is not valid Open XML: " + string.Join("; ", errors));
        }

        exported.Position = baseline.Position = 0;
        using var a = new XLWorkbook(exported);
        using var b = new XLWorkbook(baseline);
        var (sa, sb) = (a.Worksheet(TrackingWorkbook.RequestsSheet), b.Worksheet(TrackingWorkbook.RequestsSheet));
        var lastRow = rows.Count + 1;
        var columns = TrackingWorkbook.Columns.Count;
        if (sb.LastRowUsed().RowNumber() != lastRow || sb.LastColumnUsed().ColumnNumber() != columns)
            throw new InvalidOperationException($"The OpenXmlWriter sheet ends at {sb.LastCellUsed().Address}, not at row {lastRow}, column {columns}.");
        for (var r = 1; r <= lastRow; r++)
        {
            for (var c = 1; c <= columns; c++)
            {
                var (x, y) = (sa.Cell(r, c), sb.Cell(r, c));
                if (x.IsEmpty() != y.IsEmpty() || (!x.IsEmpty() && (x.DataType != y.DataType || !Equals(x.Value, y.Value)
                        || (x.DataType != XLDataType.Text && FormatOf(x) != FormatOf(y)))))
                    throw new InvalidOperationException(
                        $"Cell {x.Address}: the export holds « {x.Value} » ({x.DataType}, {FormatOf(x)}), the OpenXmlWriter file « {y.Value} » ({y.DataType}, {FormatOf(y)}).");
            }
        }
        return count;
    }

    /// <summary>The number format code of a cell; Excel's built-in formats General and "0" are stored by id only.</summary>
    private static string FormatOf(IXLCell cell) => cell.Style.NumberFormat switch
    {
        { Format.Length: > 0 } f => f.Format,
        { NumberFormatId: 1 } => "0",
        _ => "",
    };

    /// <summary>
    /// Sheet "Demandes" written with the SAX <see cref="OpenXmlWriter"/>: header row, then one row per request through
    /// <see cref="TrackingWorkbook.Columns"/>; text as inline strings, numbers as numbers, dates as OADate numbers, each with
    /// its column's number format and the light-red fill on overdue rows (the whole row, as the export styles it).
    /// </summary>
    private static class OpenXmlSheet
    {
        private static readonly IReadOnlyList<ExportColumn<DashboardRow>> Columns = TrackingWorkbook.Columns;
        private static readonly string[] Letters = Columns.Select((_, i) => ColumnLetter(i + 1)).ToArray();

        /// <summary>The number formats of the columns, each once: cell style i + 1 (and i + 2 + Formats.Length when overdue).</summary>
        private static readonly string[] Formats = Columns.Select(c => c.Format).OfType<string>().Distinct().ToArray();

        public static void Write(Stream output, IReadOnlyList<DashboardRow> rows)
        {
            using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
            var workbookPart = document.AddWorkbookPart();
            var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
            stylesPart.Stylesheet = BuildStylesheet();
            stylesPart.Stylesheet.Save();

            // Style index of each column: 1 + its format's index (0 = General); overdue rows add Formats.Length + 1.
            var styles = Columns.Select(c => c.Format is { } f ? (uint)(Array.IndexOf(Formats, f) + 1) : 0u).ToArray();
            var overdue = (uint)Formats.Length + 1;

            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            using (var writer = OpenXmlWriter.Create(sheetPart))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetData());
                writer.WriteStartElement(new SheetRow(), [new OpenXmlAttribute("r", "", "1")]);
                for (var c = 0; c < Columns.Count; c++)
                    WriteText(writer, Letters[c] + "1", Columns[c].Header, 0);
                writer.WriteEndElement();
                for (var r = 0; r < rows.Count; r++)
                {
                    var row = rows[r];
                    var number = (r + 2).ToString(CultureInfo.InvariantCulture);
                    var shift = row.IsOverdue ? overdue : 0;
                    writer.WriteStartElement(new SheetRow(), [new OpenXmlAttribute("r", "", number)]);
                    for (var c = 0; c < Columns.Count; c++)
                    {
                        var reference = Letters[c] + number;
                        var style = styles[c] + shift;
                        switch (Columns[c].Value(row).Value)
                        {
                            case null when shift > 0:
                                writer.WriteElement(new Cell { CellReference = reference, StyleIndex = style });
                                break;
                            case null:
                                break;
                            case string text:
                                WriteText(writer, reference, text, style);
                                break;
                            case DateTime date:
                                WriteNumber(writer, reference, date.ToOADate().ToString(CultureInfo.InvariantCulture), style);
                                break;
                            case decimal value:
                                WriteNumber(writer, reference, value.ToString(CultureInfo.InvariantCulture), style);
                                break;
                            case int value:
                                WriteNumber(writer, reference, value.ToString(CultureInfo.InvariantCulture), style);
                                break;
                            case double value:
                                WriteNumber(writer, reference, value.ToString("R", CultureInfo.InvariantCulture), style);
                                break;
                            case var other:
                                throw new ArgumentException($"Unexpected cell type {other.GetType().Name}.");
                        }
                    }
                    writer.WriteEndElement();
                }
                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            workbookPart.Workbook = new Workbook(new Sheets(new Sheet
            {
                Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = TrackingWorkbook.RequestsSheet,
            }));
            workbookPart.Workbook.Save();
        }

        private static void WriteText(OpenXmlWriter writer, string reference, string text, uint style)
        {
            var attributes = style == 0
                ? new[] { new OpenXmlAttribute("r", "", reference), new OpenXmlAttribute("t", "", "inlineStr") }
                : [new OpenXmlAttribute("r", "", reference), new OpenXmlAttribute("s", "", style.ToString(CultureInfo.InvariantCulture)), new OpenXmlAttribute("t", "", "inlineStr")];
            writer.WriteStartElement(new Cell(), attributes);
            writer.WriteStartElement(new InlineString());
            // Leading or trailing spaces and line breaks are kept only with xml:space="preserve".
            writer.WriteElement(text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
                ? new Text(text) { Space = SpaceProcessingModeValues.Preserve }
                : new Text(text));
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        private static void WriteNumber(OpenXmlWriter writer, string reference, string value, uint style)
        {
            writer.WriteStartElement(new Cell(), style == 0
                ? [new OpenXmlAttribute("r", "", reference)]
                : [new OpenXmlAttribute("r", "", reference), new OpenXmlAttribute("s", "", style.ToString(CultureInfo.InvariantCulture))]);
            writer.WriteElement(new CellValue(value));
            writer.WriteEndElement();
        }

        private static Stylesheet BuildStylesheet()
        {
            // Excel's built-in id where it has one ("0" is 1), else a custom id from 164.
            var ids = Formats.Select((f, i) => f == "0" ? 1u : 164u + (uint)i).ToArray();
            var custom = Formats.Select((f, i) => (Format: f, Id: ids[i])).Where(x => x.Id >= 164)
                .Select(x => new NumberingFormat { NumberFormatId = x.Id, FormatCode = x.Format });
            var xfs = new List<CellFormat>();
            foreach (var fill in new uint[] { 0, 2 })
            {
                xfs.Add(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = fill, BorderId = 0, FormatId = 0, ApplyFill = fill > 0 });
                xfs.AddRange(ids.Select(id => new CellFormat
                {
                    NumberFormatId = id, FontId = 0, FillId = fill, BorderId = 0, FormatId = 0, ApplyNumberFormat = true, ApplyFill = fill > 0,
                }));
            }
            var overdue = ExcelColor(ExportOverdueFill);
            return new Stylesheet(
                new NumberingFormats(custom) { Count = (uint)custom.Count() },
                new Fonts(new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" })) { Count = 1 },
                new Fills(
                    new Fill(new PatternFill { PatternType = PatternValues.None }),
                    new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                    new Fill(new PatternFill(new ForegroundColor { Rgb = overdue }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }))
                { Count = 3 },
                new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
                new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
                new CellFormats(xfs) { Count = (uint)xfs.Count });
        }

        /// <summary>The export's overdue colour (ExcelTable.OverdueFillHtml, internal to Core): Excel's "bad" light red.</summary>
        private const string ExportOverdueFill = "#FFC7CE";

        private static HexBinaryValue ExcelColor(string html) => new("FF" + html.TrimStart('#'));

        private static string ColumnLetter(int number)
        {
            var letters = "";
            for (; number > 0; number = (number - 1) / 26)
                letters = (char)('A' + (number - 1) % 26) + letters;
            return letters;
        }
    }

    /// <summary>
    /// The process's peak resident set over a span of code. On Linux, writing 5 to /proc/self/clear_refs resets VmHWM
    /// (which <see cref="Process.PeakWorkingSet64"/> reads) to the current resident set; elsewhere, or if that is refused,
    /// the working set is sampled every 5 ms instead. A full, compacting collection comes first, so that the garbage of
    /// the previous step is not counted.
    /// </summary>
    private sealed class PeakMemory : IDisposable
    {
        private static bool? _canReset;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task<long>? _sampler;
        private long? _peak;

        private PeakMemory()
        {
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            LastBaseline = Environment.WorkingSet;
            LastHeap = GC.GetTotalMemory(forceFullCollection: false);
            if (!TryReset())
                _sampler = Task.Run(() => SampleAsync(_stop.Token));
        }

        public static string Method => _canReset == true
            ? "VmHWM, reset through /proc/self/clear_refs before each run"
            : "working set sampled every 5 ms";

        /// <summary>The resident set when the last measure started, after the collection.</summary>
        public static long LastBaseline { get; private set; }

        /// <summary>The managed heap at the same moment.</summary>
        public static long LastHeap { get; private set; }

        public static PeakMemory Start() => new();

        /// <summary>The peak in bytes since <see cref="Start"/>.</summary>
        public long Stop()
        {
            if (_peak is { } known)
                return known;
            if (_sampler is null)
            {
                using var process = Process.GetCurrentProcess();
                _peak = process.PeakWorkingSet64;
            }
            else
            {
                _stop.Cancel();
                _peak = Math.Max(_sampler.GetAwaiter().GetResult(), Environment.WorkingSet);
            }
            return _peak.Value;
        }

        public void Dispose()
        {
            Stop();
            _stop.Dispose();
        }

        private static bool TryReset()
        {
            if (_canReset == false || !OperatingSystem.IsLinux())
                return (_canReset = false).Value;
            try
            {
                File.WriteAllText("/proc/self/clear_refs", "5");
                return (_canReset = true).Value;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"Cannot reset the peak resident set ({ex.Message}): sampling instead.");
                return (_canReset = false).Value;
            }
        }

        private static async Task<long> SampleAsync(CancellationToken ct)
        {
            var peak = Environment.WorkingSet;
            while (!ct.IsCancellationRequested)
            {
                peak = Math.Max(peak, Environment.WorkingSet);
                try
                {
                    await Task.Delay(5, ct);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
            return peak;
        }
    }

    // ---------------------------------------------------------------- import

    private static async Task ImportAsync(int lines, int runs, TimeProvider clock)
    {
        var building = Stopwatch.StartNew();
        var today = ParisCalendar.Today(clock);
        var xlsx = HandKeptDashboard.Build(lines, today);
        Console.Error.WriteLine($"import-10k: dashboard of {lines:N0} lines built in {building.Elapsed.TotalSeconds:F1} s ({xlsx.Length / 1024:N0} KB).");

        // One warm-up run, then the measured ones; each into a new, empty, migrated database (the import skips duplicates).
        var times = new double[runs];
        var (read, import, cpus) = (new double[runs], new double[runs], new double[runs]);
        for (var i = -1; i < runs; i++)
        {
            await using var database = await BenchmarkDatabase.CreateAsync(0, clock);
            var importer = new AccessDashboardImporter(database.Factory, clock);
            var cpu = ProcessorTime();
            var watch = Stopwatch.StartNew();
            var preview = await importer.ReadAsync(new MemoryStream(xlsx, writable: false), HandKeptDashboard.FileName);
            var readMs = watch.Elapsed.TotalMilliseconds;
            var result = await importer.ImportAsync(preview);
            var total = watch.Elapsed.TotalMilliseconds;
            if (result.Imported != lines || result.Rejected != 0 || result.SkippedDuplicates != 0)
                throw new InvalidOperationException(
                    $"import-10k: {result.Imported} requests imported, {result.Rejected} lines rejected, {result.SkippedDuplicates} duplicates, out of {lines}: "
                    + string.Join(" ", result.Errors.Take(3).Select(e => e.Message)));
            if (i < 0)
            {
                Console.Error.WriteLine($"import-10k: {result.Imported:N0} requests imported (warm-up run, {total / 1000:F1} s).");
                continue;
            }
            (times[i], read[i], import[i], cpus[i]) = (total, readMs, total - readMs, (ProcessorTime() - cpu).TotalMilliseconds);
        }
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"import-10k: p10 {Percentile(times, 10):F2} p90 {Percentile(times, 90):F2} ms; ReadAsync median {Median(read):F2} ms, ImportAsync median {Median(import):F2} ms; processor time median {Median(cpus):F0} ms ({runs} runs, load average {LoadAverage()})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"import-10k: median {Median(times):F2} ms"));
    }

    /// <summary>
    /// A dashboard as an office keeps it in Excel (see /work/shared/samples/suivi-demandes-dossiers-2025.xlsx): a title line,
    /// headers on row 3, an order number, dates mostly typed as dates and sometimes as text, "Oui"/"OUI"/"non", capacities
    /// and modes in the office's words, delay formulas, amounts as numbers or "gratuit", a TOTAL line at the end. Every line
    /// is valid and no two share patient, receipt date and requester: all of them are imported. Deterministic for a given day.
    /// </summary>
    private static class HandKeptDashboard
    {
        public const string FileName = "suivi-demandes-dossiers-bench.xlsx";
        private const string Sheet = "Suivi";
        private const int HeaderRow = 3;

        private static readonly string[] Headers =
        [
            "N°", "Date de réception", "Nom du patient", "Date de naissance", "Demandeur", "Qualité du demandeur", "Service(s)",
            "Date de complétude", "+ de 5 ans", "Mode de communication", "Date d'envoi", "N° LRAR", "Délai (j)", "Délai respecté",
            "Frais (€)", "Observations",
        ];

        private static readonly string[] LastNames =
        [
            "MARTIN", "BERNARD", "DUBOIS", "THOMAS", "ROBERT", "RICHARD", "PETIT", "DURAND", "LEROY", "MOREAU", "SIMON", "LAURENT",
            "LEFÈVRE", "BARBIER", "GARCIA", "DAVID", "BERTRAND", "ROUX", "VINCENT", "FOURNIER", "MOREL", "GIRARD", "ANDRÉ", "MERCIER",
            "DUPONT", "LAMBERT", "BONNET", "FRANÇOIS", "MARTINEZ", "LEGRAND", "GARNIER", "FAURE", "ROUSSEAU", "BLANC", "GUÉRIN",
            "MULLER", "HENRY", "ROUSSEL", "CHEVALIER", "PERRIN",
        ];

        private static readonly string[] FirstNames =
        [
            "Marie", "Jean", "Nathalie", "Pierre", "Isabelle", "Michel", "Catherine", "Philippe", "Sylvie", "Alain", "Hélène", "Éric",
            "Christine", "Patrick", "Sophie", "Nicolas", "Valérie", "Frédéric", "Chloé", "Léa", "Lucas", "Emma", "Hugo", "Inès",
        ];

        private static readonly string[] Services =
        [
            "Cardiologie", "Urgences", "Imagerie", "Oncologie", "Chirurgie orthopédique", "Neurologie", "Gastro-entérologie",
            "Réanimation", "Maternité", "Psychiatrie adulte", "Urgences / Imagerie", "Pédiatrie", "Médecine interne",
        ];

        private static readonly (string Capacity, bool OtherRequester, string? Prefix)[] Capacities =
        [
            ("Patient", false, null), ("patient", false, null), ("Patient", false, null), ("Patient", false, null),
            ("Ayant droit", true, null), ("Fille (ayant droit)", true, null), ("Parent", true, null), ("Tuteur", true, null),
            ("Représentant légal", true, null), ("Médecin", true, "Dr"),
        ];

        private static readonly string[] Modes = ["LRAR", "LRAR", "Envoi postal", "Remise en main propre", "Consultation sur place", "Médecin", "Courriel"];
        private static readonly string[] YesNo = ["Non", "Non", "non", "NON", "Oui", "OUI"];
        private static readonly string[] Remarks =
            ["", "", "", "", "RAS", "en attente pièce d'identité", "relance le 12/05", "copie au médecin traitant", "dossier volumineux (2 CD)"];

        public static byte[] Build(int lines, DateOnly today)
        {
            var rng = new Random(2026);
            using var workbook = new XLWorkbook();
            var sheet = workbook.AddWorksheet(Sheet);
            sheet.Cell(1, 1).SetValue("Tableau de suivi des demandes d'accès au dossier médical");
            sheet.Range(1, 1, 1, Headers.Length).Merge().Style.Font.Bold = true;
            for (var c = 0; c < Headers.Length; c++)
                sheet.Cell(HeaderRow, c + 1).SetValue(Headers[c]);
            sheet.Row(HeaderRow).Style.Font.Bold = true;
            sheet.Column(2).Style.NumberFormat.Format = "dd/mm/yyyy";
            sheet.Column(4).Style.NumberFormat.Format = "dd/mm/yyyy";
            sheet.Column(8).Style.NumberFormat.Format = "dd/mm/yyyy";
            sheet.Column(11).Style.NumberFormat.Format = "dd/mm/yyyy";

            var keys = new HashSet<(string, DateOnly, string)>();
            // Two years of requests up to a week ago, in order of receipt as the office types them.
            var first = today.AddDays(-730);
            for (var i = 0; i < lines; i++)
            {
                var r = HeaderRow + 1 + i;
                var received = first.AddDays((int)((long)i * 723 / lines));
                string patient, requester;
                (string Capacity, bool OtherRequester, string? Prefix) capacity;
                do
                {
                    patient = $"{Pick(rng, LastNames)} {Pick(rng, FirstNames)}";
                    capacity = Pick(rng, Capacities);
                    requester = !capacity.OtherRequester ? patient
                        : capacity.Prefix is { } p ? $"{p} {Pick(rng, LastNames)}" : $"{Pick(rng, LastNames)} {Pick(rng, FirstNames)}";
                }
                while (!keys.Add((patient, received, requester)));

                sheet.Cell(r, 1).SetValue(i + 1);
                Date(sheet.Cell(r, 2), received, rng);
                sheet.Cell(r, 3).SetValue(patient);
                // A parent asks for a minor's record (CSP L.1111-7): the import rejects a parent of an adult patient.
                var born = capacity.Capacity == "Parent"
                    ? received.AddDays(-rng.Next(30, 17 * 365))
                    : new DateOnly(1930, 1, 1).AddDays(rng.Next(0, 33_000));
                Date(sheet.Cell(r, 4), born, rng);
                if (capacity.OtherRequester || rng.Next(3) == 0)
                    sheet.Cell(r, 5).SetValue(requester);
                sheet.Cell(r, 6).SetValue(capacity.Capacity);
                sheet.Cell(r, 7).SetValue(Pick(rng, Services));

                // Recent lines are still open: not complete, or complete and not yet sent.
                var age = today.DayNumber - received.DayNumber;
                DateOnly? completed = age > 20 || rng.Next(2) == 0 ? received.AddDays(Math.Min(rng.Next(0, 15), age)) : null;
                var older = rng.Next(4) == 0;
                sheet.Cell(r, 9).SetValue(older ? YesNo[4 + rng.Next(2)] : YesNo[rng.Next(4)]);
                var mode = Pick(rng, Modes);
                sheet.Cell(r, 10).SetValue(mode);
                if (completed is { } done)
                {
                    Date(sheet.Cell(r, 8), done, rng);
                    var sentAfter = rng.Next(1, older ? 60 : 10);
                    if (done.AddDays(sentAfter) < today && age > 10)
                    {
                        Date(sheet.Cell(r, 11), done.AddDays(sentAfter), rng);
                        if (mode == "LRAR")
                            sheet.Cell(r, 12).SetValue(string.Create(CultureInfo.InvariantCulture,
                                $"1A {rng.Next(100, 1000)} {rng.Next(100, 1000)} {rng.Next(1000, 10000)} {rng.Next(10)}"));
                        if (mode == "Consultation sur place")
                            sheet.Cell(r, 15).SetValue("gratuit");
                        else
                            sheet.Cell(r, 15).SetValue(Math.Round(0.18 * rng.Next(0, 200) + 4.35, 2));
                    }
                }
                sheet.Cell(r, 13).FormulaA1 = $"IF(OR(K{r}=\"\",H{r}=\"\"),\"\",K{r}-H{r})";
                sheet.Cell(r, 14).FormulaA1 = $"IF(M{r}=\"\",\"\",IF(M{r}<=IF(I{r}=\"Non\",8,60),\"Oui\",\"Non\"))";
                if (Pick(rng, Remarks) is { Length: > 0 } remark)
                    sheet.Cell(r, 16).SetValue(remark);
            }
            var total = HeaderRow + lines + 1;
            sheet.Cell(total, 1).SetValue("TOTAL");
            sheet.Cell(total, 3).FormulaA1 = $"COUNTA(C{HeaderRow + 1}:C{total - 1})";
            sheet.SheetView.FreezeRows(HeaderRow);

            using var stream = new MemoryStream();
            workbook.SaveAs(stream);
            return stream.ToArray();
        }

        /// <summary>A date as a date, or one time in eight typed as text ("03/03/2025"), as in hand-kept files.</summary>
        private static void Date(IXLCell cell, DateOnly date, Random rng)
        {
            if (rng.Next(8) == 0)
                cell.SetValue(date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
            else
                cell.SetValue(date.ToDateTime(TimeOnly.MinValue));
        }

        private static T Pick<T>(Random rng, T[] values) => values[rng.Next(values.Length)];
    }
}
