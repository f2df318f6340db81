using System.Globalization;

namespace RelationsUsagers.Core.Insurance;

/// <summary>The French name of each field of the insurance ledger: forms, messages, corrections and the workbook use these.</summary>
public static class InsuranceFieldNames
{
    public const string Insurer = "Assureur";
    public const string Broker = "Courtier";
    public const string PolicyNumber = "N° de contrat";
    public const string StartsOn = "Début du contrat";
    public const string EndsOn = "Fin du contrat";
    public const string DeductiblePerClaim = "Franchise par sinistre";

    public const string CallLabel = "Appel";
    public const string CallAmount = "Montant appelé";
    public const string DueOn = "Échéance";
    public const string PaidOn = "Date de paiement";
    public const string PaidAmount = "Montant payé";

    public const string Claim = "Dossier d'indemnisation";
    public const string InsurerReference = "Référence de l'assureur";
    public const string Policy = "Contrat";
    public const string Deductible = "Franchise applicable";

    public const string EntryKind = "Nature de l'écriture";
    public const string EntryOn = "Date";
    public const string EntryAmount = "Montant";
    public const string EntryNote = "Observation";

    public const string Reason = "Motif de la correction";
    public const string Cancelled = "Annulation";
}

/// <summary>Euros as the office writes them: « 1 234,56 € », with non-breaking spaces (the number never splits across lines).</summary>
public static class Euros
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static string Format(decimal amount) =>
        amount.ToString("#,##0.00", French).Replace('\u202F', '\u00A0') + "\u00A0€";

    public static string Format(decimal? amount) => amount is { } a ? Format(a) : "—";

    /// <summary>True when the amount is whole cents: the ledger never holds a fraction of a cent (it is stored in cents).</summary>
    public static bool IsWholeCents(decimal amount) => decimal.Round(amount, 2) == amount;

    /// <summary>The largest amount the ledger takes (one billion euros): far above any premium or claim, and safe in cents.</summary>
    public const decimal Max = 1_000_000_000m;
}
