using FluentValidation;
using FluentValidation.Results;
using RelationsUsagers.Core.AccessRequests;

namespace RelationsUsagers.Core.Cases;

/// <summary>The validator of each kind, for the service (the forms use the same instances).</summary>
public sealed class CaseValidators(TimeProvider clock, CopyFeeSchedule? copyFees = null)
{
    private readonly Dictionary<CaseKind, IValidator> _byKind = CaseKinds.All.ToDictionary(d => d.Kind, d => d.CreateValidator(clock, copyFees));

    public IValidator For(CaseKind kind) => _byKind[kind];

    public ValidationResult Validate(CaseFile file) =>
        For(file.Kind).Validate(new ValidationContext<CaseFile>(file));

    /// <summary>Throws <see cref="CaseValidationException"/> carrying the French messages by field.</summary>
    public void EnsureValid(CaseFile file)
    {
        var result = Validate(file);
        if (!result.IsValid)
            throw new CaseValidationException(result.Errors);
    }
}

/// <summary>The server refused a case because of its content; <see cref="Errors"/> are the field messages.</summary>
public sealed class CaseValidationException(IReadOnlyList<ValidationFailure> errors)
    : Exception(string.Join(" ", errors.Select(e => e.ErrorMessage)))
{
    public IReadOnlyList<ValidationFailure> Errors { get; } = errors;
}

/// <summary>Someone else saved the case since it was opened.</summary>
public sealed class CaseConflictException(string message) : Exception(message);

/// <summary>A refused action on a case (illegal status move, case not found...), with its French reason.</summary>
public sealed class CaseRuleException(string message) : Exception(message);
