using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Cdu;
using static RelationsUsagers.Benchmarks.Measures;

namespace RelationsUsagers.Benchmarks;

/// <summary>
/// The CDU members' view on 100,000 seeded cases: every text of a meeting is scrubbed against every person the database
/// knows. A meeting is planned with the builder's proposals (its first 20 case items and every other item) and three
/// free items holding leaks, then published. Measures, after a warm-up, medians over the runs:
/// <list type="bullet">
/// <item><c>pseudonymise-index</c>: <see cref="PersonNameIndex.LoadAsync"/>, the names of the whole database read and folded;</item>
/// <item><c>pseudonymise-scrub</c>: every text of the meeting scrubbed with the check (signals), index and cases already loaded;</item>
/// <item><c>pseudonymise-check</c>: <see cref="CduPublicationCheckService.CheckAsync"/> as the meeting page calls it;</item>
/// <item><c>pseudonymise-member-view</c>: <see cref="CduMemberViewService.GetPublishedAgendaAsync"/> as the members' page calls it.</item>
/// </list>
/// Goal: the members' page and the check under one second.
/// </summary>
/// <remarks>Options: <c>--cases N</c> (default 100000), <c>--runs N</c> (default 10), <c>--database PATH</c> (kept and reused).</remarks>
internal static class PseudonymiseBenchmark
{
    private const int DefaultCases = 100_000;
    private const int DefaultRuns = 10;
    private const int WarmUpRuns = 2;
    private const int CaseItems = 20;

    private static readonly string[] Leaks =
    [
        "Mme Hélène Lefèvre, née le 21/06/1958, demeurant 12 rue des Lilas, 44000 Nantes, joignable au +33 (0)6 12 34 56 78, " +
        "NIR 2 58 06 44 109 023 45, demande à être entendue ; sa fille Josiane Bernard (josiane.bernard@example.fr) l'accompagnera.",
        "Courrier de M. Jean-Pierre LE\u00ADGALL (IPP 700123456) au sujet de son épouse ; Maître Le Meur représente la famille.",
        "Point sur la situation de Ｍｍｅ Ｍａｒｔｉｎ, hospitalisée en cardiologie du 02/03/2026 au 09/03/2026.",
    ];

    public static async Task RunAsync(string[] args)
    {
        var cases = IntOption(args, "--cases", DefaultCases);
        var runs = IntOption(args, "--runs", DefaultRuns);
        var clock = TimeProvider.System;
        var seeding = Stopwatch.StartNew();
        await using var database = await BenchmarkDatabase.CreateAsync(cases, clock, StringOption(args, "--database"));
        Console.Error.WriteLine($"Database ready with {cases:N0} cases in {seeding.Elapsed.TotalSeconds:F1} s ({database.FilePath}).");

        var meetingId = await PlanMeetingAsync(database, clock);
        var today = ParisCalendar.Today(clock);
        var checks = new CduPublicationCheckService(database.Factory, clock);
        var view = new CduMemberViewService(database.Factory, clock);

        await using var db = await database.Factory.CreateDbContextAsync();
        var items = (await db.CduMeetings.AsNoTracking().Include(m => m.Agenda).SingleAsync(m => m.Id == meetingId)).Agenda.OrderBy(i => i.Order).ToList();
        var files = await CduMemberAgendaComposer.CasesOfAsync(db, items, CancellationToken.None);
        var index = await PersonNameIndex.LoadAsync(db);
        var minutes = await CduMemberAgendaComposer.MinutesOfAsync(db, files, CancellationToken.None);
        var scrubber = new AgendaScrubber(index, files, today);
        CduMemberAgendaComposer.Compose(items, files, minutes, scrubber);
        var check = (await checks.CheckAsync(meetingId))!;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Meeting: {items.Count} items ({items.Count(i => i.CaseFileId is not null)} cases), {scrubber.TextCount} texts of {items.Sum(i => i.Title.Length + (i.Text?.Length ?? 0)):N0} characters (items); index: {index.PeopleRead:N0} people read, {index.WordCount:N0} words; check: {check.RemovalCount} removed, {check.SignalCount} signalled."));
        foreach (var entry in check.Entries)
        {
            foreach (var removal in entry.Result.Removals)
                Console.Error.WriteLine($"  removed ({removal.KindLabel}) in item {entry.Position}, {entry.Field}: « {entry.Result.Original.Substring(removal.Start, removal.Length)} » → « {removal.Replacement} »");
        }

        await MeasureAsync("pseudonymise-index", runs, async () =>
        {
            await using var context = await database.Factory.CreateDbContextAsync();
            await PersonNameIndex.LoadAsync(context);
        });
        await MeasureAsync("pseudonymise-scrub", runs, () =>
        {
            CduMemberAgendaComposer.Compose(items, files, minutes, new AgendaScrubber(index, files, today));
            return Task.CompletedTask;
        });
        await MeasureAsync("pseudonymise-check", runs, async () => await checks.CheckAsync(meetingId));
        await MeasureAsync("pseudonymise-member-view", runs, async () => await view.GetPublishedAgendaAsync(meetingId));
    }

    private static async Task MeasureAsync(string name, int runs, Func<Task> action)
    {
        for (var i = 0; i < WarmUpRuns; i++)
            await action();
        var times = new double[runs];
        var measuring = Stopwatch.StartNew();
        var processorTime = ProcessorTime();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await action();
            times[i] = watch.Elapsed.TotalMilliseconds;
        }
        var busy = (ProcessorTime() - processorTime).TotalMilliseconds / measuring.Elapsed.TotalMilliseconds;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: p10 {Percentile(times, 10):F2} p90 {Percentile(times, 90):F2} ms ({runs} runs); processor time {busy:P0} of the elapsed time, load average {LoadAverage()}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: median {Median(times):F2} ms"));
    }

    /// <summary>A meeting in ten days: the builder's proposals (the first case items), three free items with leaks, published.</summary>
    private static async Task<Guid> PlanMeetingAsync(BenchmarkDatabase database, TimeProvider clock)
    {
        var validators = new CaseValidators(clock);
        var meetings = new CduMeetingService(database.Factory, clock, new CaseFileService(database.Factory, validators, clock), validators);
        var agenda = new CduAgendaService(database.Factory, clock);
        var meeting = await meetings.SaveAsync(new CduMeeting { Date = ParisCalendar.Today(clock).AddDays(10), Place = "Salle du conseil" });
        var proposals = await agenda.ProposeAsync(meeting.Id);
        var chosen = proposals.Where(p => p.CaseFileId is null).Concat(proposals.Where(p => p.CaseFileId is not null).Take(CaseItems)).ToList();
        foreach (var item in chosen.Where(CduAgendaService.HasPlaceholder))
            item.Text = "Présentation par la direction de la qualité.";
        // On 100,000 cases the list of complaints received outgrows an item's text: its first lines, as the officer would cut it.
        foreach (var item in chosen)
        {
            if (item.Text is { Length: > AgendaItem.TextMaxLength } text)
                item.Text = text[..text.LastIndexOf('\n', AgendaItem.TextMaxLength - 1)];
        }
        chosen.AddRange(Leaks.Select((text, i) => new AgendaItem { Kind = AgendaItemKind.FreeItem, Title = $"Point divers {i + 1}", Text = text }));
        await agenda.AddAsync(meeting.Id, chosen);
        var check = await new CduPublicationCheckService(database.Factory, clock).CheckAsync(meeting.Id);
        await agenda.PublishAsync(meeting.Id, meeting.ConcurrencyStamp, confirmedCheck: check!.Fingerprint);
        return meeting.Id;
    }
}
