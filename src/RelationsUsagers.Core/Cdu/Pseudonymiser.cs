using System.Text;
using System.Text.RegularExpressions;

namespace RelationsUsagers.Core.Cdu;

/// <summary>What a removed name becomes.</summary>
public enum NameReplacement
{
    /// <summary>"Hélène Lefèvre" → "H. L.", "Jean-Pierre" → "J.-P.", "Mme LEFEVRE" → "Mme L.".</summary>
    Initials = 1,
    /// <summary>Each name → "[nom retiré]".</summary>
    Placeholder = 2,
}

/// <summary>
/// Takes personal data out of free text before CDU members read it (L.1112-3: members are bound by professional secrecy
/// and see cases pseudonymised, CSP L.1112-3, L.1110-4). The text is first folded (<see cref="FoldedText"/>: compatibility
/// form, invisible characters out, case and accents ignored) and every replacement is made in the original text.
/// <list type="bullet">
/// <item>Names: every person of <see cref="PersonNameIndex"/> written with a capital (a known name in lower case is a
/// word: « un petit retard »), whole words only, compound names whole and by their parts, never a particle alone; the
/// names of the cases the text is about (<c>caseNames</c>) in any case; any capitalised word after a civility, a rank or
/// « épouse / veuve / née »; a capitalised or upper-case word next to a known first name; a near spelling of a first
/// name next to its known last name (and the reverse). Civilities stay: "M. Lefèvre" → "M. L.".</item>
/// <item>Social-security numbers (NIR, 13 digits and key, Corsica 2A/2B), phone numbers (0X XX XX XX XX in any grouping,
/// +33, 0033, +33 (0), other countries), e-mail addresses, patient numbers (IPP), postal addresses (number and street,
/// postal code and town), dates of birth (« né(e) le », « date de naissance », a full date next to a name).</item>
/// </list>
/// A date of birth after « né(e) le » keeps its year (« née en 1956 »): members see the year of birth of the cases they
/// examine (CSP L.1112-3). Everything taken out is listed in the <see cref="ScrubResult"/>; with a check date, what still
/// looks personal is listed too (<see cref="ScrubResult.Signals"/>), for the officer's check before publishing.
/// </summary>
public sealed partial class Pseudonymiser(PersonNameIndex index, PersonNameIndex? caseNames = null,
    NameReplacement replacement = NameReplacement.Initials, DateOnly? checkOn = null)
{
    public const string Placeholder = "[nom retiré]";
    public const string PatientNumberRemoved = "[n° patient retiré]";
    public const string SocialSecurityNumberRemoved = "[n° de sécurité sociale retiré]";
    public const string PhoneRemoved = "[téléphone retiré]";
    public const string EmailRemoved = "[courriel retiré]";
    public const string DateRemoved = "[date retirée]";
    public const string AddressRemoved = "[adresse retirée]";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    private readonly PersonNameIndex _index = index;
    private readonly PersonNameIndex _caseNames = caseNames ?? PersonNameIndex.Empty;

    /// <summary>Replaces every name of <paramref name="names"/> (full names, first or last names, with or without civility) by initials.</summary>
    public static string RemoveNames(string? text, params IEnumerable<string?> names) => RemoveNames(text, NameReplacement.Initials, names);

    public static string RemoveNames(string? text, NameReplacement replacement, params IEnumerable<string?> names) =>
        new Pseudonymiser(PersonNameIndex.Empty, PersonNameIndex.Of(names), replacement).Scrub(text).Text;

    /// <summary>Takes out e-mail addresses, phone numbers and the other patterns, with no name known.</summary>
    public static string RemoveContactDetails(string? text) => new Pseudonymiser(PersonNameIndex.Empty).Scrub(text).Text;

    /// <summary>
    /// "A. L." from "Anne" and "Lefèvre"; "J.-P. L." for "Jean-Pierre Le Gall"; "L." without first name. A name pasted
    /// with an invisible character first or typed in full-width letters gives the same initials.
    /// </summary>
    public static string Initials(string? firstName, string? lastName)
    {
        static string Plain(string? name)
        {
            var folded = FoldedText.Of(name ?? "");
            return folded.Original.Length == 0 ? "" : folded.Clean(0, folded.Original.Length).Trim();
        }
        var (plainFirst, plainLast) = (Plain(firstName), Plain(lastName));
        var first = plainFirst.Length == 0 ? "" : InitialsOf(plainFirst);
        var last = plainLast.Length == 0 ? "" : $"{char.ToUpperInvariant(plainLast[0])}.";
        return $"{first} {last}".Trim();
    }

    /// <summary>The text without personal data, what was taken out, and (with a check date) what still looks personal.</summary>
    public ScrubResult Scrub(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return new ScrubResult("", "", [], []);
        var folded = FoldedText.Of(text);
        var reader = new Reader(this, folded);
        reader.FindPatterns();
        reader.FindNames();
        reader.FindDatesNextToNames();
        return reader.Build();
    }

    /// <summary>One text being read: its folded form, its words, and what was found so far (folded positions).</summary>
    private sealed class Reader
    {
        private readonly Pseudonymiser _owner;
        private readonly FoldedText _text;
        private readonly string _f;
        private readonly List<Finding> _findings = [];
        private List<Token> _tokens = [];

        public Reader(Pseudonymiser owner, FoldedText text)
        {
            _owner = owner;
            _text = text;
            _f = text.Folded;
        }

        private sealed record Finding(int Start, int End, PersonalDataKind Kind, string? Replacement);

        private readonly record struct Token(int Start, int End, string Text);

        public void FindPatterns()
        {
            foreach (Match m in EmailPattern().Matches(_f))
                Add(m.Index, m.Index + m.Length, PersonalDataKind.Email, EmailRemoved);
            foreach (Match m in SocialSecurityPattern().Matches(_f))
            {
                if (IsSocialSecurityNumber(m.Value))
                    Add(m.Index, m.Index + m.Length, PersonalDataKind.SocialSecurityNumber, SocialSecurityNumberRemoved);
            }
            foreach (Match m in PhonePattern().Matches(_f))
                Add(m.Index, m.Index + m.Length, PersonalDataKind.Phone, PhoneRemoved);
            foreach (Match m in BirthDatePattern().Matches(_f))
            {
                var date = m.Groups["date"];
                var year = YearOf(date.Value);
                if (m.Groups["born"].Success && m.Groups["le"].Success && year is not null)
                    Add(m.Groups["le"].Index, date.Index + date.Length, PersonalDataKind.BirthDate, $"en {year}");
                else
                    Add(date.Index, date.Index + date.Length, PersonalDataKind.BirthDate, DateRemoved);
            }
            foreach (Match m in PatientNumberPattern().Matches(_f))
                Add(m.Groups["n"].Index, m.Groups["n"].Index + m.Groups["n"].Length, PersonalDataKind.PatientNumber, PatientNumberRemoved);
            _tokens = Tokenise();
            FindAddresses();
        }

        /// <summary>A number and a street ("12 bis rue des Lilas"), a postal code and its town ("44000 Nantes"), or both.</summary>
        private void FindAddresses()
        {
            var found = new List<(int Start, int End)>();
            foreach (Match m in StreetPattern().Matches(_f))
            {
                var type = m.Groups["type"].Value;
                var i = TokenAt(m.Index + m.Length);
                var end = m.Index + m.Length;
                var named = 0;
                var capitalised = false;
                while (i < _tokens.Count && named < 6 && Gap(i).All(c => c is ' ' or '-' or '\''))
                {
                    var token = _tokens[i];
                    var upper = _text.IsUpperAt(token.Start) || token.Text.All(char.IsDigit);
                    if (NameWords.Particles.Contains(token.Text) || upper)
                        capitalised |= upper;
                    else if (capitalised || AmbiguousStreetTypes.Contains(type) || named >= 4)
                        break;
                    end = token.End;
                    named++;
                    i++;
                }
                if (named == 0 || (!capitalised && AmbiguousStreetTypes.Contains(type)))
                    continue;
                found.Add((m.Index, end));
            }
            foreach (Match m in PostalCodePattern().Matches(_f))
            {
                var i = TokenAt(m.Index + m.Length);
                var end = -1;
                // The town follows after spaces only ("PLT-2026-44000 — Urgences" is a case and its department).
                while (i < _tokens.Count && (end < 0 ? Gap(i).Length > 0 && Gap(i).All(c => c == ' ') : Gap(i).Length <= 2 && Gap(i).All(c => c is ' ' or '-')))
                {
                    var token = _tokens[i];
                    var hyphenated = end >= 0 && Gap(i) == "-";
                    if (_text.IsUpperAt(token.Start) || token.Text == "cedex" || (end >= 0 && token.Text.All(char.IsDigit) && _tokens[i - 1].Text == "cedex")
                        || (hyphenated && NameWords.Particles.Concat(["sur", "sous", "en", "les", "lez", "aux", "au"]).Contains(token.Text)))
                    {
                        end = token.End;
                        i++;
                    }
                    else
                        break;
                }
                if (end > 0)
                    found.Add((m.Index, end));
            }
            // A street, a comma and its postal code and town are one address.
            var merged = new List<(int Start, int End)>();
            foreach (var range in found.OrderBy(r => r.Start))
            {
                if (merged.Count > 0 && range.Start - merged[^1].End <= 3
                    && (range.Start <= merged[^1].End || _f[merged[^1].End..range.Start].All(c => c is ' ' or ',' or '-')))
                    merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, range.End));
                else
                    merged.Add(range);
            }
            foreach (var (start, end) in merged)
                Add(start, end, PersonalDataKind.Address, AddressRemoved);
        }

        public void FindNames()
        {
            var covered = _tokens.Select(t => IsCovered(t.Start, t.End)).ToArray();
            var name = new bool[_tokens.Count];
            var number = new bool[_tokens.Count];
            for (var i = 0; i < _tokens.Count; i++)
            {
                if (covered[i])
                    continue;
                var compound = CompoundAt(i, covered);
                if (compound > 1)
                {
                    for (var k = i; k < i + compound; k++)
                        name[k] = true;
                    i += compound - 1;
                    continue;
                }
                var word = _tokens[i].Text;
                if (_owner._index.IsPatientNumber(word) || _owner._caseNames.IsPatientNumber(word))
                {
                    number[i] = true;
                    continue;
                }
                if (word.Length < 2 || NameWords.Particles.Contains(word))
                    continue;
                if (_owner._caseNames.RoleOf(word) != NameRole.None)
                    name[i] = true;
                else if (_owner._index.RoleOf(word) != NameRole.None && Capitalised(i) && !AfterSaint(i))
                    name[i] = true;
                // "hélène lefèvre": a first and a last name known together, in lower case.
                else if (i + 1 < _tokens.Count && !covered[i + 1] && IsJoin(Gap(i + 1)) && KnownTogether(word, _tokens[i + 1].Text))
                    name[i] = name[i + 1] = true;
            }
            AfterOpeners(covered, name);
            // Lower-case known names next to a name, a near spelling next to a known name, a capitalised word after a
            // first name: until nothing more is found (a pair reveals its neighbour).
            for (var pass = 0; pass < 3 && Neighbours(covered, name); pass++)
            {
            }
            for (var i = 0; i < _tokens.Count; i++)
            {
                if (number[i])
                    Add(_tokens[i].Start, _tokens[i].End, PersonalDataKind.PatientNumber, PatientNumberRemoved);
            }
            for (var i = 0; i < _tokens.Count; i++)
            {
                if (!name[i])
                    continue;
                var last = i;
                while (last + 1 < _tokens.Count && name[last + 1] && IsJoin(Gap(last + 1)))
                    last++;
                Add(_tokens[i].Start, _tokens[last].End, PersonalDataKind.Name, null);
                i = last;
            }
        }

        /// <summary>A full date just before or after a name ("Hélène Lefèvre, 12/03/1956", "Lefèvre (12.03.1956)").</summary>
        public void FindDatesNextToNames()
        {
            foreach (var name in _findings.Where(f => f.Kind == PersonalDataKind.Name).ToList())
            {
                var after = FullDatePattern().Match(_f, name.End, Math.Min(40, _f.Length - name.End));
                if (after.Success && after.Index - name.End <= 4 && _f[name.End..after.Index].All(c => c is ' ' or ',' or '(' or ':' or '-'))
                    Add(after.Index, after.Index + after.Length, PersonalDataKind.Date, DateRemoved);
                var from = Math.Max(0, name.Start - 24);
                foreach (Match before in FullDatePattern().Matches(_f[from..name.Start]))
                {
                    var end = from + before.Index + before.Length;
                    if (name.Start - end <= 4 && _f[end..name.Start].All(c => c is ' ' or ',' or ')' or ':' or '-'))
                        Add(from + before.Index, end, PersonalDataKind.Date, DateRemoved);
                }
            }
        }

        /// <summary>The longest known compound name starting at token <paramref name="i"/> (its words joined by spaces or hyphens), else 0.</summary>
        private int CompoundAt(int i, bool[] covered)
        {
            var longest = Math.Max(_owner._index.LongestCompound, _owner._caseNames.LongestCompound);
            var count = 1;
            while (count < longest && i + count < _tokens.Count && !covered[i + count] && IsJoin(Gap(i + count)))
                count++;
            for (var n = count; n >= 2; n--)
            {
                var key = string.Join(' ', _tokens.Skip(i).Take(n).Select(t => t.Text));
                if (NameWords.Particles.Contains(_tokens[i + n - 1].Text))
                    continue;
                if (_owner._caseNames.IsCompound(key))
                    return n;
                if (_owner._index.IsCompound(key) && Enumerable.Range(i, n).All(k => Capitalised(k) || NameWords.Particles.Contains(_tokens[k].Text)))
                    return n;
            }
            return 0;
        }

        /// <summary>Capitalised words after a civility, a rank or « épouse / veuve / née » are a name, known or not.</summary>
        private void AfterOpeners(bool[] covered, bool[] name)
        {
            for (var i = 0; i + 1 < _tokens.Count; i++)
            {
                if (covered[i] || !IsOpener(i))
                    continue;
                var gap = Gap(i + 1);
                if (gap.Length == 0 || gap.Length > 2 || !gap.All(c => c is ' ' or '.'))
                    continue;
                var k = i + 1;
                var last = -1;
                while (k < _tokens.Count && k - i <= 5 && !covered[k] && (k == i + 1 || IsJoin(Gap(k))))
                {
                    var word = _tokens[k].Text;
                    // "Mme de La Tour", "née Le Gall"; but "la famille de Joseph": a lower-case particle after « famille,
                    // épouse, née » is a preposition.
                    if (NameWords.Particles.Contains(word) && (Capitalised(k) || !NameWords.NameOpeners.Contains(_tokens[i].Text))
                        && k + 1 < _tokens.Count && IsJoin(Gap(k + 1)) && Capitalised(k + 1)
                        && !NameWords.Functions.Contains(_tokens[k + 1].Text))
                    {
                        k++;
                        continue;
                    }
                    // "mme lefevre": a known name after a civility, whatever its case.
                    if (!(Capitalised(k) || _owner._index.RoleOf(word) != NameRole.None) || NameWords.Functions.Contains(word)
                        || NameWords.IsTitle(word) || word.All(char.IsDigit))
                        break;
                    last = k++;
                }
                for (var n = i + 1; n <= last; n++)
                    name[n] = true;
            }
        }

        private bool IsOpener(int i)
        {
            var word = _tokens[i].Text;
            var next = Gap(i + 1);
            return word switch
            {
                // "M." or "M Dupont", never the metre of "5 m"; "Me" (maître) and "Pr" only with their capital.
                "m" => _text.IsUpperAt(_tokens[i].Start) && (next.StartsWith('.') || Capitalised(i + 1)),
                "me" or "pr" => _text.IsUpperAt(_tokens[i].Start),
                _ => NameWords.Civilities.Contains(word) || NameWords.RankOpeners.Contains(word) || NameWords.NameOpeners.Contains(word),
            };
        }

        /// <summary>One round of the neighbour rules; true when it found a name.</summary>
        private bool Neighbours(bool[] covered, bool[] name)
        {
            var more = false;
            for (var i = 0; i < _tokens.Count; i++)
            {
                if (name[i] || covered[i])
                    continue;
                var word = _tokens[i].Text;
                if (word.Length < 2 || NameWords.Particles.Contains(word) || NameWords.IsTitle(word) || NameWords.Functions.Contains(word)
                    || word.All(char.IsDigit))
                    continue;
                var left = i > 0 && name[i - 1] && IsJoin(Gap(i)) ? i - 1 : -1;
                var right = i + 1 < _tokens.Count && name[i + 1] && IsJoin(Gap(i + 1)) ? i + 1 : -1;
                if (left < 0 && right < 0)
                    continue;
                var known = _owner._index.RoleOf(word) != NameRole.None;
                var found =
                    // "hélène lefèvre": a known name next to a name.
                    known
                    // "Hélène ZORGLUB", "ZORGLUB Hélène": a word in capitals next to a name.
                    || (word.Length >= 2 && AllCapitals(i))
                    // "Hélène Zorglub": a capitalised word after a first name (a space, not a hyphen: "Sainte-Marie").
                    || (left >= 0 && Gap(i) == " " && Capitalised(i) && IsFirstName(_tokens[left].Text))
                    // "Helene Lefebvre", "Hélenne Lefèvre": a near spelling of the name known with its neighbour.
                    || (Capitalised(i) && word.Length >= 3 && NearKnownPartner(word, left, right));
                if (found)
                {
                    name[i] = true;
                    more = true;
                }
            }
            return more;
        }

        private bool KnownTogether(string a, string b) =>
            _owner._index.FirstNamesWith(a).Contains(b) || _owner._index.LastNamesWith(a).Contains(b);

        private bool IsFirstName(string word) =>
            ((_owner._index.RoleOf(word) | _owner._caseNames.RoleOf(word)) & NameRole.FirstName) != 0;

        private bool NearKnownPartner(string word, int left, int right)
        {
            foreach (var side in new[] { left, right }.Where(s => s >= 0))
            {
                var neighbour = _tokens[side].Text;
                var partners = _owner._index.FirstNamesWith(neighbour).Concat(_owner._index.LastNamesWith(neighbour))
                    .Concat(_owner._caseNames.FirstNamesWith(neighbour)).Concat(_owner._caseNames.LastNamesWith(neighbour));
                if (partners.Any(p => IsNear(word, p)))
                    return true;
            }
            return false;
        }

        private bool Capitalised(int i) => i < _tokens.Count && _text.IsUpperAt(_tokens[i].Start);

        private bool AllCapitals(int i) => Enumerable.Range(_tokens[i].Start, _tokens[i].End - _tokens[i].Start).All(k => _text.IsUpperAt(k));

        /// <summary>"Saint-Martin", "Sainte-Marie", "St-Pierre": a place or a saint, unless known as a whole (see <see cref="CompoundAt"/>).</summary>
        private bool AfterSaint(int i) => i > 0 && Gap(i) == "-" && _tokens[i - 1].Text is "saint" or "sainte" or "st" or "ste";

        private static bool IsJoin(string gap) =>
            gap.Length is > 0 and <= 3 && gap.All(c => c is ' ' or '-' or '\'') && gap.Count(c => c is '-' or '\'') <= 1;

        /// <summary>What stands between token <paramref name="i"/> - 1 and token <paramref name="i"/> (from the start of the text for the first).</summary>
        private string Gap(int i)
        {
            var from = i == 0 ? 0 : _tokens[i - 1].End;
            var to = i < _tokens.Count ? _tokens[i].Start : _f.Length;
            return _f[from..to];
        }

        /// <summary>The first token starting at or after <paramref name="position"/> (binary search: texts of 32,000 characters).</summary>
        private int TokenAt(int position)
        {
            var (low, high) = (0, _tokens.Count);
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (_tokens[middle].Start < position)
                    low = middle + 1;
                else
                    high = middle;
            }
            return low;
        }

        private List<Token> Tokenise() => _text.Words().Select(w => new Token(w.Start, w.End, _f[w.Start..w.End])).ToList();

        private bool IsCovered(int start, int end) => _findings.Any(f => f.Start < end && start < f.End);

        /// <summary>Kept unless it overlaps a fragment found before (patterns come first, then names, then dates next to names).</summary>
        private void Add(int start, int end, PersonalDataKind kind, string? replacement)
        {
            if (end > start && !IsCovered(start, end))
                _findings.Add(new Finding(start, end, kind, replacement));
        }

        public ScrubResult Build()
        {
            var original = _text.Original;
            var sb = new StringBuilder(original.Length);
            var removals = new List<PersonalDataRemoval>();
            var copied = new List<(int From, int To, int At)>();
            var at = 0;
            foreach (var finding in _findings.OrderBy(f => f.Start))
            {
                var (start, end) = _text.OriginalRange(finding.Start, finding.End);
                if (start < at)
                    continue;
                copied.Add((at, start, sb.Length));
                sb.Append(original, at, start - at);
                var replaced = finding.Replacement
                    ?? (_owner.ReplacementMode == NameReplacement.Placeholder ? Placeholder : InitialsOf(_text.Clean(start, end)));
                // "Mme Lefèvre." → "Mme L." rather than "Mme L..".
                if (replaced.EndsWith('.') && end < original.Length && original[end] == '.')
                    end++;
                removals.Add(new PersonalDataRemoval(finding.Kind, start, end - start, replaced, sb.Length));
                sb.Append(replaced);
                at = end;
            }
            copied.Add((at, original.Length, sb.Length));
            sb.Append(original, at, original.Length - at);
            var signals = _owner.CheckOn is { } today ? Signals(today, removals, copied) : [];
            return new ScrubResult(original, sb.ToString(), removals, signals);
        }

        /// <summary>What still looks personal in what is left: known names in lower case, long numbers, old dates, streets.</summary>
        private List<PersonalDataSignal> Signals(DateOnly today, List<PersonalDataRemoval> removals, List<(int From, int To, int At)> copied)
        {
            var found = new List<(int Start, int End, string Reason)>();
            foreach (Match m in FullDatePattern().Matches(_f))
            {
                // "loi du 4 mars 2002", "séjour du 08/02/2011 au 10/02/2011" are not births.
                if (YearOf(m.Value) is { } year && year <= today.Year - 15 && !LegalTextBefore().IsMatch(_f[Math.Max(0, m.Index - 30)..m.Index])
                    && !PeriodBefore().IsMatch(_f[Math.Max(0, m.Index - 12)..m.Index]))
                    found.Add((m.Index, m.Index + m.Length, "date ancienne\u00A0: une date de naissance\u00A0?"));
            }
            foreach (Match m in StreetWithoutNumberPattern().Matches(_f))
            {
                var i = TokenAt(m.Index + m.Length);
                if (i < _tokens.Count && _tokens[i].Start - (m.Index + m.Length) <= 1 && Capitalised(i))
                    found.Add((m.Index, _tokens[i].End, "une adresse\u00A0?"));
            }
            foreach (var token in _tokens)
            {
                var word = token.Text;
                if (word.Length >= 3 && !_text.IsUpperAt(token.Start) && _owner._index.RoleOf(word) != NameRole.None
                    && !NameWords.CommonWords.Contains(word) && !NameWords.Functions.Contains(word) && !NameWords.IsTitle(word))
                    found.Add((token.Start, token.End, "nom d'une personne connue, écrit en minuscules"));
            }
            foreach (Match m in LongNumberPattern().Matches(_f))
            {
                // A recorded-delivery or parcel number, an amount, an establishment's number name nobody; nor does a quantity
                // grouped in thousands by no-break spaces ("195 846 demandes", as the agenda builder writes counts): nobody
                // types an identifier or a telephone so.
                if (!FullDatePattern().IsMatch(m.Value) && !NumberOfThingsBefore().IsMatch(_f[Math.Max(0, m.Index - 30)..m.Index])
                    && !GroupedInThousands(_text, m.Index, m.Index + m.Length))
                    found.Add((m.Index, m.Index + m.Length, "long numéro\u00A0: un identifiant, un téléphone\u00A0?"));
            }
            var signals = new List<PersonalDataSignal>();
            foreach (var (start, end, reason) in found.OrderBy(s => s.Start))
            {
                var (from, to) = _text.OriginalRange(start, end);
                if (removals.Any(r => r.Start < to && from < r.Start + r.Length) || signals.Any(s => s.Start < to && from < s.Start + s.Length))
                    continue;
                var segment = copied.FirstOrDefault(c => c.From <= from && to <= c.To);
                if (segment == default)
                    continue;
                signals.Add(new PersonalDataSignal(reason, from, to - from, segment.At + from - segment.From));
            }
            return signals;
        }
    }

    internal NameReplacement ReplacementMode => replacement;

    internal DateOnly? CheckOn => checkOn;

    /// <summary>
    /// Damerau-Levenshtein distance at most 1 (2 for names of 7 letters or more), same first letter, as written or as
    /// sounded ("Josef" / "Joseph", "Mathilde" / "Matilde": ph → f, y → i, no h, no double letter).
    /// </summary>
    internal static bool IsNear(string a, string b) => IsClose(a, b) || IsClose(Sounded(a), Sounded(b));

    private static string Sounded(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var ch in name.Replace("ph", "f", StringComparison.Ordinal).Replace('y', 'i'))
        {
            if (ch != 'h' && (sb.Length == 0 || sb[^1] != ch))
                sb.Append(ch);
        }
        return sb.ToString();
    }

    private static bool IsClose(string a, string b)
    {
        if (a == b)
            return true;
        if (a.Length == 0 || b.Length == 0 || a[0] != b[0])
            return false;
        var max = Math.Min(a.Length, b.Length) >= 7 ? 2 : 1;
        if (Math.Abs(a.Length - b.Length) > max)
            return false;
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
            d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++)
            d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length] <= max;
    }

    /// <summary>13 characters (sex, year, month, department with 2A/2B, commune, order) and perhaps a 2-digit key; a real month.</summary>
    private static bool IsSocialSecurityNumber(string value)
    {
        var compact = new string(value.Where(char.IsLetterOrDigit).ToArray());
        if (compact.Length is not (13 or 15))
            return false;
        var month = int.Parse(compact.AsSpan(3, 2), provider: System.Globalization.CultureInfo.InvariantCulture);
        return month is (>= 1 and <= 12) or (>= 20 and <= 42) or (>= 50 and <= 99);
    }

    /// <summary>The four-digit year of a date as the patterns find it, else null.</summary>
    private static int? YearOf(string date)
    {
        var year = YearPattern().Match(date);
        return year.Success ? int.Parse(year.Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    /// <summary>Initials of the text as written, keeping its hyphens: "Jean-Pierre" → "J.-P.", "LE GALL" → "L. G.", "d'Artagnan" → "d'A.".</summary>
    private static string InitialsOf(string name)
    {
        var sb = new StringBuilder();
        var parts = InitialsSplit().Split(name);
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part.Length == 0)
                continue;
            if (!char.IsLetterOrDigit(part[0]))
                sb.Append(part.Any(c => c is '-' or '\u2010' or '\u2011' or '\u2013') ? "-" : part.Any(c => c is '\'' or '\u2019') ? part.Trim() : " ");
            else if (part.Length == 1 && i + 1 < parts.Length && parts[i + 1].Any(c => c is '\'' or '\u2019'))
                sb.Append(part); // an elided particle: d', l'
            else
                sb.Append(char.ToUpperInvariant(part[0])).Append('.');
        }
        return sb.ToString();
    }

    /// <summary>Street types whose word is also common ("2 cours de yoga", "la place"): a street only when a capitalised name follows.</summary>
    private static readonly HashSet<string> AmbiguousStreetTypes = new(StringComparer.Ordinal)
    {
        "cours", "mail", "parc", "place", "pl", "lot", "lotissement", "passage", "voie", "clos", "residence", "res", "domaine",
        "villa", "cite", "promenade", "r", "ch", "all", "square", "sq",
    };

    private const string DateBody =
        @"(?:\d{1,2}\s?[/.\-]\s?\d{1,2}\s?[/.\-]\s?(?:\d{4}|\d{2})|(?:1er|\d{1,2})\s+(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|janv|fevr|fev|avr|juil|sept|oct|nov|dec)\.?\s+\d{4}|\d{4}-\d{2}-\d{2})";

    [GeneratedRegex(@"(?<![\p{L}\p{Nd}])" + DateBody + @"(?![\p{L}\p{Nd}])", RegexOptions.CultureInvariant, 2000)]
    private static partial Regex FullDatePattern();

    [GeneratedRegex(@"(?<![\p{L}\p{Nd}])(?:(?<born>nee?s?(?:\s?\(e\)s?)?|ne\(e\)|nee?\(s\))|date\s+de\s+naissance|d\.?d\.?n\.?|naissance)(?![\p{L}\p{Nd}])\s*(?::\s*|(?<le>le\s+)|du\s+)?(?<date>" + DateBody + @")(?![\p{L}\p{Nd}])",
        RegexOptions.CultureInvariant, 2000)]
    private static partial Regex BirthDatePattern();

    [GeneratedRegex(@"(?<![\p{L}\p{Nd}])(?:1[89]|20)\d{2}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"[\p{L}\p{Nd}._%+\-]+\s?(?:@|\((?:at|arobase)\)|\[(?:at|arobase)\])\s?[\p{L}\p{Nd}\-]+(?:\s?(?:\.|\((?:dot|point)\)|\[(?:dot|point)\])\s?[\p{L}\p{Nd}\-]+)+",
        RegexOptions.CultureInvariant, 2000)]
    private static partial Regex EmailPattern();

    /// <summary>Sex (1, 2; 3, 4, 7, 8 for temporary numbers), year, month, department (2A/2B), commune, order, key; any spacing.</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{Nd}])[1-478](?:[ .\-]?\d){4}[ .\-]?(?:\d[ .\-]?\d|2[ .\-]?[ab])(?:[ .\-]?\d){6}(?:[ .\-]?\d\d)?(?![\p{L}\p{Nd}])",
        RegexOptions.CultureInvariant, 2000)]
    private static partial Regex SocialSecurityPattern();

    /// <summary>0X XX XX XX XX in any grouping; +33 / 0033, with or without (0); other countries' +NN / 00NN numbers.</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{Nd}+])(?:0[1-9](?:[ .\-]?\d){8}|(?:\+|00)\s?33\s?(?:\(\s?0\s?\)\s?)?[1-9](?:[ .\-]?\d){8}|(?:\+|00)\s?[1-9]\d{0,2}(?:[ .\-]?\(\s?0\s?\))?(?:[ .\-]?\d){6,12})(?!\d)",
        RegexOptions.CultureInvariant, 2000)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"(?<![\p{L}\p{Nd}])(?:ipp|nip|n°\s?(?:de\s)?(?:patient|ipp|dossier\s+patient)|numero\s+(?:de\s+)?(?:patient|ipp))\s?(?::|n°)?\s?(?<n>[a-z]{0,3}\d[\da-z\-]{3,})",
        RegexOptions.CultureInvariant, 2000)]
    private static partial Regex PatientNumberPattern();

    [GeneratedRegex(@"(?<![\p{L}\p{Nd}])\d{1,4}(?:\s?(?:bis|ter|quater|[a-d])(?![\p{L}\p{Nd}]))?\s?,?\s?(?<type>rue|r|avenue|av|bd|boulevard|boul|chemin|ch|allee|all|impasse|imp|place|pl|route|rte|quai|cours|square|sq|passage|residence|res|lotissement|lot|lieu-dit|lieudit|hameau|voie|sentier|cite|villa|esplanade|faubourg|fbg|domaine|rond-point|mail|promenade|parc|clos|venelle|ruelle|traverse|montee|chaussee)(?![\p{L}\p{Nd}])\.?",
        RegexOptions.CultureInvariant, 2000)]
    private static partial Regex StreetPattern();

    [GeneratedRegex(@"(?<![\p{L}\p{Nd}])(?:rue|avenue|boulevard|chemin|allee|impasse|route|quai|lieu-dit|hameau|residence)(?:\s+(?:de|du|des|la|le|l'|d'))*\s",
        RegexOptions.CultureInvariant, 2000)]
    private static partial Regex StreetWithoutNumberPattern();

    /// <summary>A French postal code (01 to 98, five digits, "44 000" too).</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{Nd}\-/.])(?:0[1-9]|[1-8]\d|9[0-8])\s?\d{3}(?![\p{L}\p{Nd}\-/])", RegexOptions.CultureInvariant)]
    private static partial Regex PostalCodePattern();

    /// <summary>Six digits or more (spaces and dots allowed between them), not an amount in euros.</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{Nd}])\d(?:[ .]?\d){5,}(?![\p{L}\p{Nd}])(?!\s?(?:€|eur))", RegexOptions.CultureInvariant, 2000)]
    private static partial Regex LongNumberPattern();

    [GeneratedRegex(@"(?:loi|decret|arrete|ordonnance|circulaire|code|article|art|convention|instruction|directive|reglement)\b[^.\n]*$", RegexOptions.CultureInvariant)]
    private static partial Regex LegalTextBefore();

    [GeneratedRegex(@"(?:^|[^\p{L}])(?:du|au|depuis\s+le|entre\s+le|et\s+le|et|jusqu'au|des)\s+$", RegexOptions.CultureInvariant)]
    private static partial Regex PeriodBefore();

    /// <summary>The original of the folded range is digits grouped by three after a no-break space (U+00A0 or U+202F).</summary>
    private static bool GroupedInThousands(FoldedText text, int start, int end)
    {
        var (from, to) = text.OriginalRange(start, end);
        return ThousandsPattern().IsMatch(text.Original.AsSpan(from, to - from));
    }

    [GeneratedRegex(@"^\d{1,3}(?:[\u00A0\u202F]\d{3})+$", RegexOptions.CultureInvariant)]
    private static partial Regex ThousandsPattern();

    [GeneratedRegex(@"(?:recommande|lrar|(?<![\p{L}])ar|suivi|colis|montant|facture|siret|siren|finess|rpps|adeli|proces|procedure|parquet|scelle)[^.\n]*$",
        RegexOptions.CultureInvariant)]
    private static partial Regex NumberOfThingsBefore();

    [GeneratedRegex(@"([\s\-\u2010\u2011\u2013'\u2019]+)", RegexOptions.CultureInvariant)]
    private static partial Regex InitialsSplit();
}
