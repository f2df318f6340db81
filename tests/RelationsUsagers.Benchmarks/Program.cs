using RelationsUsagers.Benchmarks;

// One command per benchmark: `dotnet run -c Release --project tests/RelationsUsagers.Benchmarks -- <command>`.
var command = args.Length > 0 ? args[0] : "";
switch (command)
{
    case "queue":
        await QueueBenchmark.RunAsync(args[1..]);
        return 0;
    case "export":
        await ExportBenchmark.RunAsync(args[1..]);
        return 0;
    case ExportBenchmark.MeasureCommand:
        await ExportBenchmark.MeasureAsync(args[1..]);
        return 0;
    case "pseudonymise":
        await PseudonymiseBenchmark.RunAsync(args[1..]);
        return 0;
    default:
        Console.Error.WriteLine("Usage: dotnet run -c Release --project tests/RelationsUsagers.Benchmarks -- <command>");
        Console.Error.WriteLine("Commands:");
        Console.Error.WriteLine("  queue   the officer's queue on 100,000 seeded cases: first page, kind + overdue, name search");
        Console.Error.WriteLine("  export  the tracking workbook of 10,000 access requests (against OpenXmlWriter), the import of a 10,000-line dashboard, the workbook of 100,000 requests");
        Console.Error.WriteLine("  pseudonymise  the CDU members' view on 100,000 cases: the index of names, a meeting's texts scrubbed, the check, the page");
        return 2;
}
