using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Complaints;
using RelationsUsagers.Core.Data;

namespace RelationsUsagers.Core.Expressions;

/// <summary>
/// A year of the office's quick log for the demo: praise mostly, desk visits and calls, a few remarks and suggestions, in
/// the hospital's departments — about what a 900-bed hospital's office logs. Deterministic (fixed seed).
/// </summary>
public static class ExpressionDemoSeeder
{
    private static readonly (ExpressionKind Kind, int Weight, Channel Channel, string[] Texts)[] Kinds =
    [
        (ExpressionKind.Praise, 40, Channel.Mail, [
            "Remerciements chaleureux à toute l'équipe pour sa disponibilité et sa douceur.",
            "Merci aux soignants de nuit qui ont accompagné notre mère jusqu'au bout avec humanité.",
            "Très satisfait de la prise en charge, des explications claires à chaque étape.",
            "Félicitations au service pour la qualité de l'accueil et des repas."]),
        (ExpressionKind.DeskVisit, 20, Channel.FrontDesk, [
            "Demande de renseignements sur la procédure d'accès au dossier médical ; formulaire remis.",
            "Personne venue signaler un objet oublié dans sa chambre ; orientée vers le service.",
            "Question sur une facture de consultation ; orientée vers le bureau des frais de séjour."]),
        (ExpressionKind.PhoneCall, 20, Channel.Phone, [
            "Appel d'une fille de patient souhaitant des nouvelles ; orientée vers le cadre de santé.",
            "Appel pour connaître les horaires de visite en réanimation.",
            "Appel d'un patient qui cherche à joindre le médiateur ; coordonnées données."]),
        (ExpressionKind.InformationRequest, 10, Channel.Email, [
            "Demande d'information sur la désignation de la personne de confiance.",
            "Question sur les directives anticipées et leur dépôt dans le dossier."]),
        (ExpressionKind.Remark, 7, Channel.FrontDesk, [
            "Signalement du manque de places de stationnement pour les visiteurs.",
            "Remarque sur la température trop élevée des chambres en été."]),
        (ExpressionKind.Suggestion, 3, Channel.WebForm, [
            "Proposer un livret d'accueil en anglais et en arabe.",
            "Installer des prises de recharge pour téléphones dans la salle d'attente des Urgences."]),
    ];

    public static async Task<int> SeedAsync(IDbContextFactory<AppDbContext> factory, DateOnly today, int count = 260, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await db.UserExpressions.AnyAsync(ct))
            return 0;
        var rng = new Random(2026);
        var total = Kinds.Sum(k => k.Weight);
        for (var i = 0; i < count; i++)
        {
            var pick = rng.Next(total);
            var kind = Kinds.First(k => (pick -= k.Weight) < 0);
            var on = today.AddDays(-rng.Next(0, 365));
            db.UserExpressions.Add(new UserExpression
            {
                Kind = kind.Kind, OccurredOn = on, Channel = kind.Channel,
                Service = kind.Kind == ExpressionKind.PhoneCall && rng.Next(3) == 0 ? null : HospitalServices.All[rng.Next(HospitalServices.All.Count)],
                Motive = kind.Kind == ExpressionKind.Remark ? ComplaintMotive.Hospitality : null,
                Text = kind.Texts[rng.Next(kind.Texts.Length)],
                Answer = kind.Kind is ExpressionKind.DeskVisit or ExpressionKind.PhoneCall or ExpressionKind.InformationRequest ? "Réponse donnée sur place." : null,
                RecordedAtUtc = on.ToDateTime(new TimeOnly(9 + rng.Next(8), rng.Next(60))), RecordedBy = rng.Next(4) == 0 ? "manager" : "officer",
            });
        }
        await db.SaveChangesAsync(ct);
        return count;
    }
}
