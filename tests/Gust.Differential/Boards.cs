namespace Gust.Differential;

/// <summary>Board names as `gust wast --target` spells targets: m3 and rv32 name the QEMU boards the tests use.</summary>
public static class Boards
{
    public static string Resolve(string name) => name switch
    {
        "m3" => "mps2-an385",
        "m4" => "mps2-an386",
        "rv32" => "virt-rv32",
        _ => name,
    };
}
