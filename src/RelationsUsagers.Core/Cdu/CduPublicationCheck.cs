using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Mediation;

namespace RelationsUsagers.Core.Cdu;

/// <summary>One text members will read (an item's title or text, a document name, a case summary...), as scrubbed.</summary>
public sealed record PublicationCheckEntry(int Position, string ItemTitle, string Field, ScrubResult Result);

/// <summary>
/// The check before publishing: every text of the agenda as members will read it, with what the scrubber took out and
/// what still looks personal. <see cref="Entries"/> holds the texts with something taken out or signalled.
/// </summary>
public sealed record CduPublicationCheck(int TextCount, IReadOnlyList<PublicationCheckEntry> Entries)
{
    public int RemovalCount => Entries.Sum(e => e.Result.Removals.Count);

    public int SignalCount => Entries.Sum(e => e.Result.Signals.Count);

    /// <summary>Nothing still looks personal: publishing needs no confirmation.</summary>
    public bool IsClean => SignalCount == 0;

    /// <summary>
    /// What the officer confirms: the passages signalled, where. Publishing with signals requires this value, so that a
    /// confirmation given on one version of the agenda does not cover passages added since.
    /// </summary>
    public string Fingerprint
    {
        get
        {
            var sb = new StringBuilder();
            foreach (var entry in Entries)
            {
                foreach (var signal in entry.Result.Signals)
                    sb.Append(entry.Position).Append('\u001f').Append(entry.Field).Append('\u001f')
                        .Append(entry.Result.Original.AsSpan(signal.Start, signal.Length)).Append('\u001e');
            }
            return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())))[..16];
        }
    }

    /// <summary>"2 passages à vérifier" — the refusal when publishing without the confirmation.</summary>
    public string UnconfirmedProblem =>
        $"La vérification avant publication signale {SignalCount} passage{(SignalCount > 1 ? "s" : "")} qui pourrai{(SignalCount > 1 ? "ent" : "t")} " +
        $"encore désigner une personne{CduText.Nbsp}: corrigez-{(SignalCount > 1 ? "les" : "le")} ou confirmez, après relecture, " +
        "qu'aucun ne désigne une personne.";
}

/// <summary>Scrubs every text of an agenda the same way and, for the check, keeps what it found in each.</summary>
internal sealed class AgendaScrubber(PersonNameIndex index, IReadOnlyCollection<CaseFile> files, DateOnly? checkOn)
{
    private readonly Pseudonymiser _pseudonymiser = new(index, CduCaseSummary.NamesOf(files), checkOn: checkOn);

    public List<PublicationCheckEntry> Entries { get; } = [];

    public int TextCount { get; private set; }

    public string Scrub(string? text, int position, string itemTitle, string field)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        TextCount++;
        var result = _pseudonymiser.Scrub(text);
        if (result.Removals.Count > 0 || result.Signals.Count > 0)
            Entries.Add(new PublicationCheckEntry(position, itemTitle, field, result));
        return result.Text;
    }
}

/// <summary>
/// The agenda as members read it (<see cref="CduMemberViewService"/>) and the officer's check before publishing
/// (<see cref="CduPublicationCheckService"/>) come from here, so that the check covers exactly what members will see.
/// </summary>
internal static partial class CduMemberAgendaComposer
{
    /// <summary>
    /// The cases the agenda mentions, by link or by reference in a text typed by the officer: their names are looked for
    /// in any case in every text (every other person of the database only when capitalised, see <see cref="Pseudonymiser"/>).
    /// </summary>
    public static async Task<List<CaseFile>> CasesOfAsync(AppDbContext db, IReadOnlyList<AgendaItem> items, CancellationToken ct)
    {
        var linked = items.Where(i => i.CaseFileId is not null).Select(i => i.CaseFileId!.Value).ToList();
        var references = items.SelectMany(i => ReferencePattern().Matches($"{i.Title}\n{i.Text}\n{string.Join("\n", i.Documents.Select(d => d.Name))}")
            .Select(m => m.Value)).Distinct().ToList();
        return await db.CaseFiles.AsNoTracking().Include(c => c.Events)
            .Where(c => linked.Contains(c.Id) || references.Contains(c.Reference))
            .AsSplitQuery().ToListAsync(ct);
    }

    /// <summary>The mediation minutes of these cases sent to the CDU president, with their meeting's date, by case.</summary>
    public static async Task<ILookup<Guid, (MediationMinutes Minutes, DateOnly MeetingOn)>> MinutesOfAsync(AppDbContext db, IReadOnlyCollection<CaseFile> files,
        CancellationToken ct)
    {
        var ids = files.Select(f => f.Id).ToList();
        var rows = await db.MediationMinutes.AsNoTracking()
            .Where(m => ids.Contains(m.CaseFileId) && m.Status >= MinutesStatus.SentToPresident)
            .Join(db.MediationAppointments, m => m.AppointmentId, a => a.Id, (m, a) => new { Minutes = m, a.Date })
            .ToListAsync(ct);
        return rows.ToLookup(r => r.Minutes.CaseFileId, r => (r.Minutes, r.Date));
    }

    /// <summary>Each item with its texts scrubbed; a case item carries a <see cref="CduCaseSummary"/>.</summary>
    public static List<CduMemberAgendaItem> Compose(IReadOnlyList<AgendaItem> items, IReadOnlyCollection<CaseFile> files,
        ILookup<Guid, (MediationMinutes Minutes, DateOnly MeetingOn)> minutes, AgendaScrubber scrubber)
    {
        var byId = files.ToDictionary(f => f.Id);
        var shown = new List<CduMemberAgendaItem>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var position = i + 1;
            var file = item.CaseFileId is { } caseId ? byId.GetValueOrDefault(caseId) : null;
            // In the order members read them: title, text, case, documents.
            var title = scrubber.Scrub(item.Title, position, item.Title, "Intitulé");
            var text = item.Text is null ? null : scrubber.Scrub(item.Text, position, item.Title, "Texte");
            var summary = file is null ? null
                : CduCaseSummary.From(file, (t, field) => scrubber.Scrub(t, position, item.Title, $"{field} du dossier {file.Reference}"), minutes[file.Id]);
            // A case's documents may hold medical data: listed only with the patient's consent (L.1112-3).
            var documents = file is not null && summary?.MedicalDataConsent != true
                ? []
                : item.Documents.Select(d => scrubber.Scrub(d.Name, position, item.Title, "Document joint")).ToList();
            shown.Add(new CduMemberAgendaItem(item.Order, item.Kind, item.Kind.Label(), title, text, documents, summary));
        }
        return shown;
    }

    /// <summary>A case reference as <see cref="ReferenceAllocator"/> writes it, e.g. PLT-2026-00042.</summary>
    [GeneratedRegex(@"\b(?:PLT|IND|DAD|REQ)-\d{4}-\d{3,}\b", RegexOptions.CultureInvariant)]
    private static partial Regex ReferencePattern();
}

/// <summary>The officer's check before publishing an agenda: what members would read, and what still looks personal.</summary>
public sealed class CduPublicationCheckService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The check of the meeting's agenda as it stands; null when the meeting no longer exists.</summary>
    public async Task<CduPublicationCheck?> CheckAsync(Guid meetingId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await db.CduMeetings.AsNoTracking().Include(m => m.Agenda).FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        return meeting is null ? null : await CheckAsync(db, meeting.Agenda, ParisCalendar.Today(clock), ct);
    }

    internal static async Task<CduPublicationCheck> CheckAsync(AppDbContext db, IEnumerable<AgendaItem> agenda, DateOnly today, CancellationToken ct)
    {
        var items = agenda.OrderBy(i => i.Order).ToList();
        var files = await CduMemberAgendaComposer.CasesOfAsync(db, items, ct);
        var index = await PersonNameIndex.LoadAsync(db, ct);
        var scrubber = new AgendaScrubber(index, files, today);
        CduMemberAgendaComposer.Compose(items, files, await CduMemberAgendaComposer.MinutesOfAsync(db, files, ct), scrubber);
        return new CduPublicationCheck(scrubber.TextCount, scrubber.Entries);
    }
}
