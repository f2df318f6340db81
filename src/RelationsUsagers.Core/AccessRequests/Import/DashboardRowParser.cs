using System.Globalization;
using RelationsUsagers.Core.Cases;
using F = RelationsUsagers.Core.AccessRequests.Import.DashboardField;

namespace RelationsUsagers.Core.AccessRequests.Import;

/// <summary>Reads one dashboard line through the column mapping; every value it cannot read becomes a French error.</summary>
internal sealed class DashboardRowParser
{
    private readonly Dictionary<F, ImportColumn> _columns;
    private readonly DateOnly _today;
    private readonly IReadOnlyDictionary<string, string> _serviceAliases;

    public DashboardRowParser(IEnumerable<ImportColumn> columns, DateOnly today, IReadOnlyDictionary<string, string>? serviceAliases = null)
    {
        _serviceAliases = serviceAliases ?? new Dictionary<string, string>();
        _columns = columns.Where(c => c.Field is { } f && f != F.Ignored).GroupBy(c => c.Field!.Value).ToDictionary(g => g.Key, g => g.First());
        _today = today;
    }

    /// <summary>True when no imported column of the line holds anything (a formula with no result counts as empty).</summary>
    public bool IsBlank(IReadOnlyDictionary<int, DashboardCell> cells) =>
        _columns.Values.All(c => !cells.TryGetValue(c.Number, out var cell) || cell.IsEmpty);

    public ImportRow Parse(int row, IReadOnlyDictionary<int, DashboardCell> cells)
    {
        var errors = new List<ImportError>();
        var line = new Line(this, row, cells, errors);
        var e = new DashboardEntry();

        if (line.Date(F.ReceivedOn, null) is { } received)
            e.ReceivedOn = received;
        else if (line.Cell(F.ReceivedOn).IsEmpty)
            line.Error(F.ReceivedOn, "la cellule est vide ; la date de réception est obligatoire.");
        var name = line.Text(F.PatientName);
        if (name is null)
            line.Error(F.PatientName, "la cellule est vide ; le nom du patient est obligatoire.");
        else if (_columns.ContainsKey(F.PatientFirstName))
            (e.PatientLastName, e.PatientFirstName) = (name, line.Text(F.PatientFirstName) ?? "");
        else
            (e.PatientLastName, e.PatientFirstName) = SplitName(name);
        line.MaxLength(F.PatientName, e.PatientLastName, 100);
        e.BirthDate = line.Date(F.BirthDate, null);
        e.PatientNumber = line.Text(F.PatientNumber);

        e.RequesterCapacityText = line.Text(F.RequesterCapacity);
        var patient = $"{e.PatientLastName} {e.PatientFirstName}".Trim();
        e.RequesterName = line.Text(F.RequesterName) ?? "";
        if (e.RequesterCapacityText is { } capacity)
            e.RequesterCapacity = DashboardVocabulary.CapacityOf(capacity) ?? line.Invalid(F.RequesterCapacity,
                "n'est pas une qualité de demandeur reconnue (patient, parent, tuteur, curateur, ayant droit, médecin).", RequesterCapacity.Patient);
        else if (e.RequesterName.Length > 0 && DashboardEntry.SameName(e.RequesterName) != DashboardEntry.SameName(patient))
            line.Error(F.RequesterCapacity, $"la qualité du demandeur est vide alors que le demandeur ({e.RequesterName}) n'est pas le patient.");
        if (e.RequesterName.Length == 0 && e.RequesterCapacity == RequesterCapacity.Patient)
            e.RequesterName = patient;
        else if (e.RequesterName.Length == 0 && !_columns.ContainsKey(F.RequesterName))
            line.Error(F.RequesterName, "nom du demandeur absent : aucune colonne ne le donne (voir l'en-tête).");
        else if (e.RequesterName.Length == 0)
            line.Error(F.RequesterName, $"le nom du demandeur est obligatoire lorsque la qualité est « {e.RequesterCapacityText} ».");
        line.MaxLength(F.RequesterName, e.RequesterName, 200);

        // Services of the hospital's list, directly or through the office's aliases; an unknown one is kept as written and
        // proposed to the officer before the import (ServiceNames).
        var written = (line.Text(F.Services) ?? "").Split(['/', ',', ';', '+', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        e.Services = written.Select(w => ServiceNames.Resolve(w, _serviceAliases) ?? w).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        e.UnknownServices = written.Where(w => ServiceNames.Resolve(w, _serviceAliases) is null).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        // An empty or unknown channel is « Non renseigné », never a guess; the words typed stay in the remarks.
        string? unknownChannel = null;
        if (line.Text(F.Channel) is { } channel)
        {
            e.Channel = DashboardVocabulary.ChannelOf(channel);
            unknownChannel = e.Channel is null ? channel : null;
        }
        e.Channel ??= Channel.NotStated;
        // CSP R.1111-1: parental authority is over a minor; a « parent » of a patient of age at the receipt is another capacity.
        if (e.RequesterCapacity == RequesterCapacity.ParentalAuthority && e.BirthDate is { } born && e.ReceivedOn != default
            && born.AddYears(18) <= e.ReceivedOn)
            line.Error(F.RequesterCapacity, $"« {e.RequesterCapacityText} » : le patient, né le {born:dd/MM/yyyy}, était majeur à la réception ; "
                + "un parent n'a l'autorité parentale que sur un mineur (ayant droit d'un patient décédé, ou tuteur ?).");

        // R.1111-1 al.4: the age of the information sets the delay; a "délai légal" column says the same in other words.
        if (_columns.ContainsKey(F.OlderThanFiveYears))
            e.OlderThanFiveYears = line.Cell(F.OlderThanFiveYears).YesNo() ?? line.Invalid(F.OlderThanFiveYears, "n'est pas une réponse reconnue (Oui / Non).", false);
        else if (line.Text(F.LegalDelay) is { } delay)
            e.OlderThanFiveYears = TextSearch.Normalize(delay).Contains("mois", StringComparison.Ordinal);

        var start = e.ReceivedOn == default ? (DateOnly?)null : e.ReceivedOn;
        // An open line says where it stands in words where the date will go: « en attente pièce d'identité », « en cours ».
        e.CompletedOn = line.DateOrPending(F.CompletedOn, start, out var pendingProofs);
        e.AwaitingProofs = pendingProofs is not null;
        if (line.Text(F.CommunicationMode) is { } mode)
            e.Mode = DashboardVocabulary.ModeOf(mode) ?? line.Invalid<CommunicationMode?>(F.CommunicationMode,
                "n'est pas un mode de communication reconnu (envoi, LRAR, main propre, sur place, médecin, électronique).", null);
        e.SentOn = line.DateOrPending(F.SentOn, start, out var pendingSending);
        e.RecordedDeliveryNumber = line.Text(F.RecordedDeliveryNumber);
        e.AcknowledgedOn = line.Date(F.AcknowledgedOn, start);
        e.PaidOn = line.Date(F.PaidOn, start);
        e.FeeCents = line.Cell(F.Fees).Cents(out var feeValid);
        if (!feeValid)
            line.Invalid(F.Fees, "n'est pas un montant valide.", 0);
        else if (e.FeeCents < 0)
            line.Invalid(F.Fees, "est négatif : un montant de frais ne peut pas l'être.", 0);
        e.PageCount = line.Cell(F.PageCount).Integer(out var pagesValid);
        if (!pagesValid || e.PageCount < 0)
            line.Invalid(F.PageCount, "n'est pas un nombre de pages valide.", 0);
        e.FormerReference = line.Text(F.FormerReference);
        line.MaxLength(F.FormerReference, e.FormerReference ?? "", 50);
        // Nothing typed is lost: the words read instead of a date stay in the remarks.
        e.Remarks = string.Join(" — ", new[]
        {
            line.Text(F.Remarks),
            pendingProofs is null ? null : $"{F.CompletedOn.Label()} : « {pendingProofs} »",
            pendingSending is null ? null : $"{F.SentOn.Label()} : « {pendingSending} »",
            unknownChannel is null ? null : $"{F.Channel.Label()} : « {unknownChannel} »",
        }.Where(t => t is not null)) is { Length: > 0 } remarks ? remarks : null;

        // Left to right, as the officer reads the line.
        return new ImportRow(row, errors.Count == 0 ? e : null,
            [.. errors.OrderBy(x => x.Column?.Length ?? int.MaxValue).ThenBy(x => x.Column, StringComparer.Ordinal)])
        {
            Patient = patient,
            ReceivedAsTyped = line.Cell(F.ReceivedOn).Display,
            SentAsTyped = line.Cell(F.SentOn).Display,
        };
    }

    /// <summary>"DUPONT Marie" → (DUPONT, Marie): the leading upper-case words are the last name, else the first word.</summary>
    internal static (string Last, string First) SplitName(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var upper = words.TakeWhile(w => w.Any(char.IsLetter) && w.Where(char.IsLetter).All(char.IsUpper)).Count();
        var split = upper == 0 || upper == words.Length ? Math.Min(1, words.Length) : upper;
        return (string.Join(' ', words[..split]), string.Join(' ', words[split..]));
    }

    private readonly struct Line(DashboardRowParser parser, int row, IReadOnlyDictionary<int, DashboardCell> cells, List<ImportError> errors)
    {
        public DashboardCell Cell(F field) =>
            parser._columns.TryGetValue(field, out var c) && cells.TryGetValue(c.Number, out var cell) ? cell : default;

        public string? Text(F field) => Cell(field).Text is { Length: > 0 } t ? t : null;

        /// <summary>
        /// A date, or words saying the step is still to come (« en attente », « en cours », « à envoyer »): then no date and
        /// <paramref name="pending"/> holds the words.
        /// </summary>
        public DateOnly? DateOrPending(F field, DateOnly? notBefore, out string? pending)
        {
            var cell = Cell(field);
            pending = cell.Value is string text && !cell.TryDate(parser._today, out _) && IsPending(text) ? text : null;
            return pending is null ? Date(field, notBefore) : null;
        }

        private static readonly string[] PendingWords =
            ["attente", "en cours", "a envoyer", "a faire", "a completer", "incomplet", "manque", "relance", "pas encore", "non recu",
             "non envoye", "a venir", "a traiter", "en instruction"];

        private static bool IsPending(string text)
        {
            var key = TextSearch.Normalize(text);
            return PendingWords.Any(w => key.Contains(w, StringComparison.Ordinal));
        }

        /// <summary>A date, not in the future and, for a step of the request, not before its receipt.</summary>
        public DateOnly? Date(F field, DateOnly? notBefore)
        {
            var cell = Cell(field);
            if (cell.IsEmpty)
                return null;
            if (!cell.TryDate(parser._today, out var date))
                return Invalid<DateOnly?>(field, "n'est pas une date valide.", null);
            if (date > parser._today)
                return Invalid<DateOnly?>(field, "est une date future.", null);
            if (notBefore is { } start && date < start)
                return Invalid<DateOnly?>(field, $"précède la date de réception ({start.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}).", null);
            return date;
        }

        public T Invalid<T>(F field, string reason, T fallback)
        {
            Error(field, $"« {Cell(field).Display} » {reason}");
            return fallback;
        }

        public void MaxLength(F field, string value, int max)
        {
            if (value.Length > max)
                Error(field, $"le texte dépasse {max} caractères.");
        }

        public void Error(F field, string text)
        {
            var message = parser._columns.TryGetValue(field, out var c)
                ? $"Ligne {row}, colonne {c.Letter} ({field.Label()}) : {text}"
                : $"Ligne {row} ({field.Label()}) : {text}";
            errors.Add(new ImportError(row, c?.Letter, field, message));
        }
    }
}
