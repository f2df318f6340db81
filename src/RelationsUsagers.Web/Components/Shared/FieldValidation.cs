using FluentValidation;
using FluentValidation.Internal;

namespace RelationsUsagers.Web.Components.Shared;

/// <summary>
/// Runs a FluentValidation validator for one property path of a model, for a MudBlazor field's Validation=.
/// The same validator runs again in the service before saving: the server never trusts the form.
/// Also knows the fields whose typed text could not be read (a date that is not one): the model never saw that text,
/// so only the field can tell, and the form's summary lists them by name.
/// </summary>
public sealed class FieldValidation(Func<IValidator> validator, Func<object> model)
{
    private readonly List<UnreadableInput> inputs = [];

    public FieldValidation(IValidator validator, Func<object> model) : this(() => validator, model) { }

    public IEnumerable<string> ErrorsFor(string propertyPath)
    {
        var context = new ValidationContext<object>(model(), new PropertyChain(), new MemberNameValidatorSelector([propertyPath]));
        return validator().Validate(context).Errors.Select(e => e.ErrorMessage).Distinct();
    }

    /// <summary>The delegate shape MudBlazor accepts for a field of type <typeparamref name="T"/>.</summary>
    public Func<T, IEnumerable<string>> For<T>(string propertyPath) => _ => ErrorsFor(propertyPath);

    /// <summary>A field reports, when asked, the French name of its field and why its text could not be read (null when it could).</summary>
    public IDisposable Watch(Func<string> fieldName, Func<string?> unreadable)
    {
        var input = new UnreadableInput(fieldName, unreadable, inputs);
        inputs.Add(input);
        return input;
    }

    /// <summary>"Date des faits : Date non reconnue…", one line per field whose text could not be read, in the form's order.</summary>
    public IReadOnlyList<string> UnreadableFields() =>
        inputs.Select(i => (Field: i.FieldName(), Error: i.Unreadable())).Where(i => i.Error is not null)
            .Select(i => $"{i.Field}\u00A0: {i.Error}").ToList();

    private sealed class UnreadableInput(Func<string> fieldName, Func<string?> unreadable, List<UnreadableInput> owner) : IDisposable
    {
        public Func<string> FieldName { get; } = fieldName;
        public Func<string?> Unreadable { get; } = unreadable;
        public void Dispose() => owner.Remove(this);
    }
}
