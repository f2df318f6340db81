using FluentValidation;
using FluentValidation.Internal;

namespace RelationsUsagers.Web.Components.Shared;

/// <summary>
/// Runs a FluentValidation validator for one property path of a model, for a MudBlazor field's Validation=.
/// The same validator runs again in the service before saving: the server never trusts the form.
/// </summary>
public sealed class FieldValidation(IValidator validator, Func<object> model)
{
    public IEnumerable<string> ErrorsFor(string propertyPath)
    {
        var context = new ValidationContext<object>(model(), new PropertyChain(), new MemberNameValidatorSelector([propertyPath]));
        return validator.Validate(context).Errors.Select(e => e.ErrorMessage).Distinct();
    }

    /// <summary>The delegate shape MudBlazor accepts for a field of type <typeparamref name="T"/>.</summary>
    public Func<T, IEnumerable<string>> For<T>(string propertyPath) => _ => ErrorsFor(propertyPath);
}
