using FluentValidation.Results;

namespace RelationsUsagers.Core.Tests.Validation;

public static class ValidationAssert
{
    /// <summary>The result fails on exactly these messages, all on <paramref name="property"/>, and on nothing else.</summary>
    public static void FailsOnlyOn(ValidationResult result, string property, params string[] messages)
    {
        Assert.False(result.IsValid, "The case was expected to be refused.");
        var failures = result.Errors.Select(e => $"{e.PropertyName} | {e.ErrorMessage}").ToList();
        var expected = messages.Select(m => $"{property} | {m}").ToList();
        Assert.Equal(expected.Order(StringComparer.Ordinal), failures.Order(StringComparer.Ordinal));
    }

    public static void Passes(ValidationResult result) =>
        Assert.True(result.IsValid, "Unexpected failures: " + string.Join(" ; ", result.Errors.Select(e => $"{e.PropertyName} | {e.ErrorMessage}")));
}
