using FluentValidation;

namespace RelationsUsagers.Web.Components.Shared;

/// <summary>
/// The one adapter between FluentValidation and MudForm: MudForm asks about one property (the path of the
/// field's For=), the validator answers with that property's French messages.
/// </summary>
public static class MudFluentValidation
{
    public static Func<object, string, Task<IEnumerable<string>>> For<T>(IValidator<T> validator) =>
        async (model, propertyName) =>
        {
            if (model is not T typed)
                return [];
            var context = ValidationContext<T>.CreateWithOptions(typed, o => o.IncludeProperties(propertyName));
            var result = await validator.ValidateAsync(context);
            return result.Errors.Select(e => e.ErrorMessage);
        };
}
