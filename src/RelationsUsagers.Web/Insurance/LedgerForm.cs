using FluentValidation.Results;

namespace RelationsUsagers.Web.Insurance;

/// <summary>A dialog's messages: the validator's at their fields (by property), the service's refusal at the reason or on top.</summary>
public sealed class LedgerFormErrors
{
    private Dictionary<string, string> byField = [];

    public string? Refusal { get; private set; }

    public bool Any => byField.Count > 0 || Refusal is not null;

    public string? At(string property) => byField.GetValueOrDefault(property);

    public bool Show(ValidationResult result)
    {
        byField = result.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.First().ErrorMessage);
        Refusal = null;
        return result.IsValid;
    }

    /// <summary>A refusal of the service: one about the reason goes to the reason field, any other on top of the form.</summary>
    public void Refuse(string message)
    {
        if (message.StartsWith("Le motif", StringComparison.Ordinal))
            byField[Reason] = message;
        else
            Refusal = message;
    }

    public void Clear() => (byField, Refusal) = ([], null);

    /// <summary>The key of the reason field (not a property of the entity).</summary>
    public const string Reason = "Reason";
}
