using System;
using System.Management.Automation.Host;

namespace EcsTools.Hosting;

/// <summary>A fixed-width buffer so that table views lay out the same on every machine.</summary>
public sealed class ConsoleRawUserInterface : PSHostRawUserInterface
{
    private readonly int _width;

    public ConsoleRawUserInterface(int width) => _width = width;

    public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;

    public override Size BufferSize { get => new(_width, 9999); set { } }

    public override Coordinates CursorPosition { get; set; }

    public override int CursorSize { get; set; }

    public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.Gray;

    public override bool KeyAvailable => false;

    public override Size MaxPhysicalWindowSize => new(_width, 9999);

    public override Size MaxWindowSize => new(_width, 9999);

    public override Coordinates WindowPosition { get; set; }

    public override Size WindowSize { get => new(_width, 50); set { } }

    public override string WindowTitle { get; set; } = "EcsTools";

    public override void FlushInputBuffer()
    {
    }

    public override BufferCell[,] GetBufferContents(Rectangle rectangle) => throw new NotSupportedException();

    public override KeyInfo ReadKey(ReadKeyOptions options) => throw new NotSupportedException("The tour host does not read keys.");

    public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill) => throw new NotSupportedException();

    public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) => throw new NotSupportedException();

    public override void SetBufferContents(Rectangle rectangle, BufferCell fill) => throw new NotSupportedException();
}
