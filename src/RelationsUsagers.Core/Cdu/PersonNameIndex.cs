using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.AccessRequests;
using RelationsUsagers.Core.Claims;
using RelationsUsagers.Core.Complaints;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Requisitions;

namespace RelationsUsagers.Core.Cdu;

/// <summary>
/// Every person the database knows, as folded words to look up: patients, requesters, and the people named in case
/// fields (mediators, accompanying patient representatives, lawyers, police officers, magistrates, designated doctors,
/// secrecy reviewers, Ordre representatives), with the hospital's patient numbers. Built once per member view or
/// publication check (<see cref="LoadAsync"/>), then each text is read word by word with hash look-ups: its cost grows
/// with the text, not with the number of names.
/// </summary>
/// <remarks>
/// CDU members and portal accounts are not in it: members sit together and sign the minutes, a patient representative
/// may be named in an agenda. A member named in a case field (a mediator, an accompanying representative) is removed
/// there like anyone else.
/// </remarks>
public sealed partial class PersonNameIndex
{
    /// <summary>An index that knows nobody: only the patterns (dates, addresses, numbers) and civilities apply.</summary>
    public static PersonNameIndex Empty => new();

    /// <summary>Folded single words: each part of a name ("le gall-lefevre" → "gall", "lefevre") and compound names written as one ("legall").</summary>
    private readonly Dictionary<string, NameRole> _words = new(StringComparer.Ordinal);

    /// <summary>Folded names of several words, joined by one space ("le gall", "jean pierre", "da silva").</summary>
    private readonly HashSet<string> _compounds = new(StringComparer.Ordinal);

    /// <summary>For a near spelling next to a known name: the first names known with each last name, and the reverse.</summary>
    private readonly Dictionary<string, HashSet<string>> _firstNamesOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _lastNamesOf = new(StringComparer.Ordinal);

    private readonly HashSet<string> _patientNumbers = new(StringComparer.Ordinal);

    public int WordCount => _words.Count;

    public int LongestCompound { get; private set; } = 1;

    /// <summary>How many distinct names were read (patients, then the names of the other fields).</summary>
    public int PeopleRead { get; private set; }

    internal bool IsCompound(string folded) => _compounds.Contains(folded);

    internal NameRole RoleOf(string folded) => _words.GetValueOrDefault(folded);

    internal bool IsPatientNumber(string folded) => _patientNumbers.Contains(folded);

    internal IEnumerable<string> FirstNamesWith(string lastName) => _firstNamesOf.GetValueOrDefault(lastName) ?? [];

    internal IEnumerable<string> LastNamesWith(string firstName) => _lastNamesOf.GetValueOrDefault(firstName) ?? [];

    /// <summary>Every person of the database (see the class summary), in three queries: patients, patient numbers, named fields.</summary>
    public static async Task<PersonNameIndex> LoadAsync(AppDbContext db, CancellationToken ct = default)
    {
        var index = new PersonNameIndex();
        // Every case, whoever acts: a name known only from a restricted case (an agent's protection fonctionnelle) must be
        // scrubbed from the CDU's texts all the same, and the officer's check must see what the members' view scrubs.
        // Distinct in SQLite: on 100,000 cases, 14,000 patients' names and 25,000 requesters' names to fold instead of 200,000.
        var patients = await db.CaseFiles.IgnoreQueryFilters().AsNoTracking().Select(c => new { c.Patient.FirstName, c.Patient.LastName }).Distinct().ToListAsync(ct);
        foreach (var p in patients)
            index.AddPerson(p.FirstName, p.LastName);
        foreach (var number in await db.CaseFiles.IgnoreQueryFilters().AsNoTracking().Where(c => c.Patient.PatientNumber != null).Select(c => c.Patient.PatientNumber).ToListAsync(ct))
            index.AddPatientNumber(number);
        // Requesters and the people named in the kinds' fields: one scan of the table (one table for every kind, TPH).
        var fields = await db.CaseFiles.IgnoreQueryFilters().AsNoTracking().Select(c => new
        {
            c.Requester.Name,
            Mediator = (c as Complaint)!.MediatorName, Representative = (c as Complaint)!.AccompanyingRepresentative,
            Lawyer = (c as IndemnityClaim)!.LawyerName, Officer = (c as Requisition)!.OfficerName,
            Magistrate = (c as Requisition)!.MagistrateName, Reviewer = (c as Requisition)!.SecrecyReviewBy,
            Ordre = (c as Requisition)!.OrdreRepresentative, Doctor = (c as AccessRequest)!.DesignatedDoctor,
        }).Distinct().ToListAsync(ct);
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in fields)
        {
            foreach (var name in (string?[])[f.Name, f.Mediator, f.Representative, f.Lawyer, f.Officer, f.Magistrate, f.Reviewer, f.Ordre, f.Doctor])
            {
                if (!string.IsNullOrWhiteSpace(name))
                    named.Add(name);
            }
        }
        foreach (var name in named)
            index.AddNamed(name);
        index.PeopleRead = patients.Count + named.Count;
        return index;
    }

    /// <summary>An index of the names given, each written as a person is named in a field (see <see cref="AddNamed"/>).</summary>
    public static PersonNameIndex Of(params IEnumerable<string?> names)
    {
        var index = new PersonNameIndex();
        foreach (var name in names)
            index.AddNamed(name);
        return index;
    }

    /// <summary>A patient: first and last name in their own fields.</summary>
    public void AddPerson(string? firstName, string? lastName)
    {
        var first = Words(firstName);
        var last = Words(lastName);
        Add(first, NameRole.FirstName);
        Add(last, NameRole.LastName);
        Pair(first, last);
        if (first.Count > 0 && last.Count > 0)
            AddCompound([.. first, .. last]);
    }

    public void AddPatientNumber(string? number)
    {
        var folded = FoldedText.Fold(number ?? "").Trim();
        if (folded.Length >= 4)
            _patientNumbers.Add(folded);
    }

    /// <summary>
    /// A person as a field names him: "Mme Hélène Lefèvre (fille de la patiente)", "LEFEVRE Hélène", "Lieutenant Jean
    /// Dupont", "Dr Bernard Lemoine, conseil départemental de l'Ordre des médecins". What follows a comma and what is in
    /// brackets is not the name; civilities and ranks are not names; an institution ("Commissariat de Nantes") names
    /// nobody. A word in capitals is the last name, else the first word is the first name and the rest the last name.
    /// </summary>
    public void AddNamed(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
            return;
        var plain = Brackets().Replace(name, " ");
        var comma = plain.IndexOfAny([',', ';', '\n']);
        if (comma >= 0)
            plain = plain[..comma];
        var words = Words(plain);
        if (words.Count == 0 || words.Any(w => NameWords.Institutions.Contains(w.Folded)))
            return;
        words = words.SkipWhile(w => NameWords.IsTitle(w.Folded)).Where(w => !NameWords.IsTitle(w.Folded)).ToList();
        if (words.Count == 0)
            return;
        var capitals = words.Where(w => w.AllCapitals && !NameWords.Particles.Contains(w.Folded)).ToList();
        List<Word> first, last;
        if (capitals.Count > 0 && capitals.Count < words.Count(w => !NameWords.Particles.Contains(w.Folded)))
        {
            last = words.Where(w => w.AllCapitals || NameWords.Particles.Contains(w.Folded)).ToList();
            first = words.Except(last).ToList();
        }
        else if (words.Count == 1)
            (first, last) = ([], words);
        else
        {
            // A hyphenated first name ("Jean-Pierre Ménard") goes whole to the first name.
            var count = 1;
            while (count < words.Count - 1 && words[count].Hyphenated)
                count++;
            (first, last) = (words.Take(count).ToList(), words.Skip(count).ToList());
        }
        Add(first, NameRole.FirstName);
        Add(last, NameRole.LastName);
        Pair(first, last);
        AddCompound(words);
    }

    private void Add(List<Word> words, NameRole role)
    {
        foreach (var word in words)
        {
            if (word.Folded.Length < 2 || NameWords.Particles.Contains(word.Folded))
                continue;
            _words[word.Folded] = _words.GetValueOrDefault(word.Folded) | role;
        }
        AddCompound(words);
    }

    /// <summary>Every run of two words or more ("le gall", "gall lefevre", "jean pierre"), never ending on a particle, also written as one word ("legall").</summary>
    private void AddCompound(List<Word> words)
    {
        for (var from = 0; from < words.Count; from++)
        {
            for (var to = from + 1; to < words.Count; to++)
            {
                if (NameWords.Particles.Contains(words[to].Folded))
                    continue;
                var run = words[from..(to + 1)].Select(w => w.Folded).ToList();
                _compounds.Add(string.Join(' ', run));
                LongestCompound = Math.Max(LongestCompound, run.Count);
                if (run.Count <= 3)
                {
                    var joined = string.Concat(run);
                    _words[joined] = _words.GetValueOrDefault(joined) | NameRole.LastName;
                }
            }
        }
    }

    private void Pair(List<Word> first, List<Word> last)
    {
        var firsts = first.Where(w => w.Folded.Length >= 2 && !NameWords.Particles.Contains(w.Folded)).Select(w => w.Folded).ToList();
        var lasts = last.Where(w => w.Folded.Length >= 2 && !NameWords.Particles.Contains(w.Folded)).Select(w => w.Folded).ToList();
        foreach (var l in lasts)
        {
            foreach (var f in firsts)
            {
                (_firstNamesOf.TryGetValue(l, out var fs) ? fs : _firstNamesOf[l] = new(StringComparer.Ordinal)).Add(f);
                (_lastNamesOf.TryGetValue(f, out var ls) ? ls : _lastNamesOf[f] = new(StringComparer.Ordinal)).Add(l);
            }
        }
    }

    internal readonly record struct Word(string Folded, bool AllCapitals, bool Hyphenated);

    /// <summary>The words of a name as the text reader cuts them: letters and digits, split at spaces, hyphens, apostrophes and dots.</summary>
    private static List<Word> Words(string? text)
    {
        var words = new List<Word>();
        if (string.IsNullOrWhiteSpace(text))
            return words;
        var folded = FoldedText.Of(text);
        var f = folded.Folded;
        foreach (var (start, end) in folded.Words())
        {
            var allCapitals = end - start > 1 && Enumerable.Range(start, end - start).All(folded.IsUpperAt);
            words.Add(new Word(f[start..end], allCapitals, start > 0 && f[start - 1] == '-'));
        }
        return words;
    }

    [GeneratedRegex(@"\([^)]*\)|\[[^\]]*\]", RegexOptions.CultureInvariant)]
    private static partial Regex Brackets();
}

/// <summary>What a known word was seen as.</summary>
[Flags]
internal enum NameRole
{
    None = 0,
    FirstName = 1,
    LastName = 2,
}
