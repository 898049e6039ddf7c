package org.sessionchat.scribble.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code scribble check|project|fsm}: the toolkit from a shell. Problems in the input are
 * one line each on stderr and exit code 1; usage errors exit with 2.
 */
@Command(name = "scribble", mixinStandardHelpOptions = true, version = "scribble 0.1.0",
    description = "Check Scribble protocols, print their local projections and monitor FSMs.",
    subcommands = {CheckCommand.class, ProjectCommand.class, FsmCommand.class})
public final class ScribbleCli implements Runnable {

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int code = run(out, err, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs one command line; returns the exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine commandLine = new CommandLine(new ScribbleCli());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
      if (e instanceof InputProblem problem) {
        cmd.getErr().println(problem.getMessage());
        return 1;
      }
      throw e;
    });
    return commandLine.execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "missing command: check, project or fsm");
  }
}
