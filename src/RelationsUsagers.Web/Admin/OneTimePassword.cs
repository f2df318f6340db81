using System.Security.Cryptography;

namespace RelationsUsagers.Web.Admin;

/// <summary>
/// A password an administrator hands over once (a new account, a reset): random, easy to read out (no 0/O, 1/l/I), and
/// meeting the portal's rules (10 characters or more, an upper-case letter, a lower-case letter, a digit). It opens only
/// the change-password page.
/// </summary>
public static class OneTimePassword
{
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";

    /// <summary>Four groups of four characters, e.g. "Kp7w-Rt3m-x9Qa-Hc4e": each group has an upper, a lower and a digit.</summary>
    public static string Create()
    {
        var groups = new string[4];
        for (var g = 0; g < groups.Length; g++)
        {
            char[] group =
            [
                Pick(Upper), Pick(Lower), Pick(Digits), Pick(Upper + Lower + Digits),
            ];
            RandomNumberGenerator.Shuffle(group.AsSpan());
            groups[g] = new string(group);
        }
        return string.Join('-', groups);
    }

    private static char Pick(string alphabet) => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
}
