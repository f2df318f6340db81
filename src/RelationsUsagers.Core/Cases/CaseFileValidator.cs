using FluentValidation;

namespace RelationsUsagers.Core.Cases;

/// <summary>Rules shared by the four kinds; each kind's validator adds its own. Messages are French and name the field.</summary>
public abstract class CaseFileValidator<T> : AbstractValidator<T> where T : CaseFile
{
    protected CaseFileValidator(TimeProvider clock)
    {
        Today = () => ParisCalendar.Today(clock);

        RuleFor(c => c.ReceivedOn)
            .NotEmpty().WithMessage($"{FieldNames.DateSubject(CaseFileFieldNames.ReceivedOn)} est obligatoire.")
            .Must(d => d <= Today()).WithMessage(Future(CaseFileFieldNames.ReceivedOn));
        RuleFor(c => c.Channel).IsInEnum().WithMessage("Le canal de réception est invalide.");
        RuleFor(c => c.Patient.LastName)
            .NotEmpty().WithMessage(c => $"Le {PersonField(c, "Patient.LastName")} est obligatoire.")
            .MaximumLength(100).WithMessage(c => $"Le {PersonField(c, "Patient.LastName")} ne doit pas dépasser 100 caractères.")
            .OverridePropertyName("Patient.LastName");
        RuleFor(c => c.Patient.FirstName)
            .MaximumLength(100).WithMessage(c => $"Le {PersonField(c, "Patient.FirstName")} ne doit pas dépasser 100 caractères.")
            .OverridePropertyName("Patient.FirstName");
        RuleFor(c => c.Patient.BirthDate)
            .Must(d => d is null || d <= Today()).WithMessage(c => Future(FieldNames.Label(c.Kind, "Patient.BirthDate")))
            .OverridePropertyName("Patient.BirthDate");
        RuleFor(c => c.Patient.DeathDate)
            .Must((c, d) => d is null || c.Patient.BirthDate is null || d >= c.Patient.BirthDate)
            .WithMessage(c => $"{FieldNames.DateSubject(FieldNames.Label(c.Kind, "Patient.DeathDate"))} ne peut pas précéder la "
                + $"{PersonField(c, "Patient.BirthDate")}.")
            .Must(d => d is null || d <= Today()).WithMessage(c => Future(FieldNames.Label(c.Kind, "Patient.DeathDate")))
            .OverridePropertyName("Patient.DeathDate");
        RuleFor(c => c.Requester.Name)
            .NotEmpty().WithMessage("Le nom du demandeur est obligatoire.")
            .MaximumLength(200).WithMessage("Le nom du demandeur ne doit pas dépasser 200 caractères.")
            .OverridePropertyName("Requester.Name");
        RuleFor(c => c.Requester.Email)
            .EmailAddress().When(c => !string.IsNullOrWhiteSpace(c.Requester.Email))
            .WithMessage("L'adresse électronique du demandeur n'est pas valide.")
            .OverridePropertyName("Requester.Email");
        RuleFor(c => c.Summary)
            .MaximumLength(8000).WithMessage("Le résumé ne doit pas dépasser 8 000 caractères.");
        RuleFor(c => c.ClosedOn)
            .NotNull().When(c => c.Status == CaseStatus.Closed)
            .WithMessage($"{FieldNames.DateSubject(CaseFileFieldNames.ClosedOn)} est obligatoire pour clore le dossier.")
            .Must((c, d) => d is null || d >= c.ReceivedOn).WithMessage(BeforeReceipt(CaseFileFieldNames.ClosedOn));
        RuleFor(c => c.Outcome)
            .NotEmpty().When(c => c.Status == CaseStatus.Closed).WithMessage("L'issue du dossier est obligatoire pour le clore.");
    }

    protected Func<DateOnly> Today { get; }

    /// <summary>The person's field as the kind names it, for a message: « nom du patient », « nom de l'agent ».</summary>
    private static string PersonField(T file, string path)
    {
        var label = FieldNames.Label(file.Kind, path);
        return char.ToLowerInvariant(label[0]) + label[1..];
    }

    /// <summary>An optional date that must not be in the future nor before receipt; <paramref name="name"/> is its French name.</summary>
    protected void FactDate(System.Linq.Expressions.Expression<Func<T, DateOnly?>> date, string name)
    {
        RuleFor(date)
            .Must(d => d is null || d <= Today()).WithMessage(Future(name))
            .Must((c, d) => d is null || d >= c.ReceivedOn).WithMessage(BeforeReceipt(name));
    }

    /// <summary>
    /// A date that follows another fact: not before it, and, when <paramref name="needsEarlier"/>, not without it (an
    /// acceptance needs an offer).
    /// </summary>
    protected void NotBefore(System.Linq.Expressions.Expression<Func<T, DateOnly?>> later, Func<T, DateOnly?> earlier, string message,
        bool needsEarlier = true)
    {
        RuleFor(later)
            .Must((c, d) => d is null || (earlier(c) is { } e ? d >= e : !needsEarlier))
            .WithMessage(message);
    }

    /// <summary>"La date de clôture ne peut pas être dans le futur." from the field's French name.</summary>
    protected static string Future(string dateName) => $"{FieldNames.DateSubject(dateName)} ne peut pas être dans le futur.";

    protected static string BeforeReceipt(string dateName) =>
        $"{FieldNames.DateSubject(dateName)} ne peut pas précéder la date de réception.";
}
