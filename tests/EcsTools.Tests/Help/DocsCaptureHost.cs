using System;
using System.Globalization;
using System.Management.Automation.Host;

namespace EcsTools.Tests.Help;

/// <summary>A host for running an example as a user would in a console of fixed width, keeping what the console would show.</summary>
internal sealed class DocsCaptureHost : PSHost
{
    private readonly Guid _id = Guid.NewGuid();
    private readonly DocsCaptureHostUserInterface _ui;

    public DocsCaptureHost(int width) => _ui = new DocsCaptureHostUserInterface(width);

    public string Text => _ui.Text;

    public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;

    public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;

    public override Guid InstanceId => _id;

    public override string Name => "EcsTools.Examples";

    public override PSHostUserInterface UI => _ui;

    public override Version Version => new(1, 0);

    public override void EnterNestedPrompt() => throw new NotSupportedException();

    public override void ExitNestedPrompt() => throw new NotSupportedException();

    public override void NotifyBeginApplication()
    {
    }

    public override void NotifyEndApplication()
    {
    }

    public override void SetShouldExit(int exitCode)
    {
    }
}
