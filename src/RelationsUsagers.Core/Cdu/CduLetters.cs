using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Letters;
using static RelationsUsagers.Core.Letters.LetterFields;

namespace RelationsUsagers.Core.Cdu;

/// <summary>The convocation to a CDU meeting, sent to every full and deputy member (CSP R.1112-88).</summary>
public static class CduLetters
{
    public static readonly LetterDefinition Convocation = new()
    {
        Code = "cdu-convocation",
        Title = "Convocation à la séance de la commission des usagers",
        Subject = "convocation à la séance de la commission des usagers du {meeting-on}",
        Body =
        [
            "J'ai l'honneur de vous convier, en votre qualité de {member-capacity}, à la séance de la commission des usagers qui se " +
            "tiendra le {meeting-on} à {meeting-time}, {meeting-place}.",
            "L'ordre du jour de la séance est le suivant :\n{agenda}",
            "Les documents de la séance sont consultables dans l'espace des membres du portail. Je vous rappelle que les membres de " +
            "la commission sont tenus au secret professionnel (article L.1112-3 du code de la santé publique). Les membres titulaires " +
            "empêchés sont invités à en informer leur suppléant et le secrétariat de la commission.",
        ],
        Mentions =
        [
            new("la date, l'heure et le lieu de la séance", "qui se tiendra le", "CSP art. R.1112-88"),
            new("l'ordre du jour", "L'ordre du jour de la séance est le suivant", "CSP art. R.1112-88"),
        ],
        Asked = [MeetingTime],
        Values = c =>
        [
            (MemberName, c.Member?.FullName),
            (MemberCapacity, c.Member is { } m ? $"{CduText.LowerFirst(m.Category.Label())} {(m.IsDeputy ? "suppléant(e)" : "titulaire")}" : null),
            (MeetingOn, c.Meeting is { } meeting ? LongDate(meeting.Date) : null),
            (MeetingPlace, TypedText.NullIfBlank(c.Meeting?.Place)),
            (Agenda, c.Meeting is { Agenda.Count: > 0 } withAgenda
                ? string.Join("\n", withAgenda.Agenda.OrderBy(i => i.Order).Select(i => $"{i.Order}. {i.Title}"))
                : null),
        ],
        Hints = new Dictionary<string, string>
        {
            [Agenda.Code] = "composez l'ordre du jour de la séance",
            [MeetingTime.Code] = "indiquez l'heure de la séance",
        },
    };

    public static IReadOnlyList<LetterDefinition> All { get; } = [Convocation];
}
